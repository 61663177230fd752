using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Core.Tests.Commands;

public sealed class PlainReplyTextTests
{
    [Fact]
    public void Markup_is_dropped_links_show_their_address_and_bullets_their_dot()
    {
        var reply = new ReplyBuilder();
        reply.Paragraph().Strong("Latest:").Text(" see ").Code("help");
        reply.Bullet().Link("Steel <duties>", "https://example.com/a").Text(" — ").Emphasis("today").Text(" by ").Mention("U1");

        Assert.Equal("Latest: see help\n• Steel <duties> (https://example.com/a) — today by @U1", PlainReplyText.Render(reply.Build()));
    }

    [Fact]
    public void A_link_that_is_not_a_safe_web_address_is_shown_as_its_label_alone()
    {
        var reply = CommandReply.Say(line => line.Link("Click me", "javascript:alert(1)"));

        Assert.Equal("Click me", PlainReplyText.Render(reply));
        Assert.IsType<ReplySpan.Text>(Assert.Single(reply.Blocks[0].Spans));
    }
}
