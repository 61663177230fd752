using TradeAlertBot.Core.Commands;
using TradeAlertBot.Teams.Cards;

namespace TradeAlertBot.Teams.Tests.Cards;

public sealed class TeamsRepliesTests
{
    [Fact]
    public void Buttons_become_submit_actions_whose_data_carries_the_action_and_its_value()
    {
        var activity = TeamsReplies.ToActivity(new ReplyBuilder().Build(buttons: [ChatActions.NextPage(5, "steel")]));

        var action = activity["attachments"]![0]!["content"]!["actions"]![0]!;
        Assert.Equal("Action.Submit", (string)action["type"]!);
        Assert.Equal("""{"action":"search_more","value":"5|steel"}""", action["data"]!.ToJsonString());
    }

    [Fact]
    public void A_reply_without_buttons_is_a_markdown_message_without_a_card()
    {
        var activity = TeamsReplies.ToActivity(CommandReply.Say(line => line.Text("Added rule ").Code("steel")));

        Assert.Equal(("message", "markdown", "Added rule `steel`"), ((string)activity["type"]!, (string)activity["textFormat"]!, (string)activity["text"]!));
        Assert.Null(activity["attachments"]);
    }
}
