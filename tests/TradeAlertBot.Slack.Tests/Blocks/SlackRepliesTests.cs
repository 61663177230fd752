using TradeAlertBot.Core.Commands;
using TradeAlertBot.Slack.Blocks;

namespace TradeAlertBot.Slack.Tests.Blocks;

public sealed class SlackRepliesTests
{
    [Fact]
    public void A_public_reply_is_in_channel_with_its_buttons_and_a_private_one_ephemeral()
    {
        var shared = SlackReplies.ToMessage(CommandReply.Say("Subscribed.", isPublic: true));
        var paged = SlackReplies.ToMessage(new ReplyBuilder().Build(buttons: [ChatActions.NextPage(5, "steel")]));

        Assert.Equal(("in_channel", "Subscribed."), (shared.ResponseType, shared.Text));
        Assert.Equal("ephemeral", paged.ResponseType);
        var button = paged.Blocks![^1]!["elements"]![0]!;
        Assert.Equal((ChatActions.SearchMore, "5|steel"), ((string)button["action_id"]!, (string)button["value"]!));
    }

    [Fact]
    public void A_long_reply_is_cut_into_sections_at_line_ends()
    {
        var reply = new ReplyBuilder();
        for (var i = 0; i < 40; i++)
        {
            reply.Bullet().Text(new string('x', 100));
        }

        var sections = SlackReplies.ToMessage(reply.Build()).Blocks!.Select(b => (string)b!["text"]!["text"]!).ToList();

        Assert.Equal(2, sections.Count);
        Assert.All(sections, s => Assert.InRange(s.Length, 1, 3000));
        Assert.All(sections.SelectMany(s => s.Split('\n')), line => Assert.Equal("• " + new string('x', 100), line));
    }
}
