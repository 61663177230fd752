using TradeAlertBot.Core.Commands;
using TradeAlertBot.Teams.Cards;

namespace TradeAlertBot.Teams.Tests.Cards;

public sealed class TeamsReplyMarkupTests
{
    [Fact]
    public void Spans_become_teams_markdown_and_blocks_paragraphs()
    {
        var reply = new ReplyBuilder();
        reply.Paragraph().Strong("Latest:").Text(" try ").Code("help");
        reply.Bullet().Link("Steel duties", "https://example.com/a(1)").Text(" — ").Emphasis("today");

        Assert.Equal(
            "**Latest:** try `help`\n\n• [Steel duties](https://example.com/a%281%29) — _today_",
            TeamsReplyMarkup.Render(reply.Build().Blocks));
    }

    [Fact]
    public void User_text_is_escaped_so_it_never_becomes_markup()
    {
        var reply = CommandReply.Say(line => line.Text("*bold* [x](y) <at>Bob</at> #1\nnext").Code("a`b"));

        Assert.Equal(@"\*bold\* \[x\](y) \<at\>Bob\</at\> \#1 next`a'b`", TeamsReplyMarkup.Render(reply.Blocks));
    }
}
