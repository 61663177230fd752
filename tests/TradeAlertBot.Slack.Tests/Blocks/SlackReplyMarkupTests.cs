using TradeAlertBot.Core.Commands;
using TradeAlertBot.Slack.Blocks;

namespace TradeAlertBot.Slack.Tests.Blocks;

public sealed class SlackReplyMarkupTests
{
    [Fact]
    public void Spans_become_mrkdwn_and_blocks_lines()
    {
        var reply = new ReplyBuilder();
        reply.Paragraph().Strong("Latest:").Text(" try ").Code("help");
        reply.Bullet().Link("Steel duties", "https://example.com/a?x=1").Text(" — ").Emphasis("(admin)");
        reply.Paragraph().Mention("U123").Text(" can now run admin commands.");

        Assert.Equal(
            "*Latest:* try `help`\n• <https://example.com/a?x=1|Steel duties> — _(admin)_\n<@U123> can now run admin commands.",
            SlackReplyMarkup.Render(reply.Build().Blocks));
    }

    [Fact]
    public void User_text_is_escaped_so_it_can_neither_ping_nor_link()
    {
        var reply = CommandReply.Say(line => line.Text("<!channel> & <https://evil.example|bank>").Code("a<b>`c").Link("x|y>z", "https://example.com/p|q"));

        Assert.Equal(
            "&lt;!channel&gt; &amp; &lt;https://evil.example|bank&gt;`a&lt;b&gt;'c`<https://example.com/p%7Cq|x|y&gt;z>",
            SlackReplyMarkup.Render(reply.Blocks));
    }
}
