using System.Text.Json;
using TradeAlertBot.Slack.Commands;

namespace TradeAlertBot.Slack.Tests.Commands;

public sealed class SlackInteractionTests
{
    [Fact]
    public void A_button_click_gives_its_action_value_clicker_channel_and_response_url()
    {
        var click = SlackInteraction.From(Json("""
            {"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1","team_id":"T1"},"channel":{"id":"C1"},
             "response_url":"https://hooks.slack.com/actions/1","actions":[{"action_id":"mute_rule","value":"new-tariffs"}]}
            """));

        Assert.Equal(new SlackInteraction("T1", "C1", "U1", "mute_rule", "new-tariffs", "https://hooks.slack.com/actions/1"), click);
    }

    [Fact]
    public void An_org_wide_install_names_the_workspace_on_the_user_only()
    {
        var payload = Json("""{"type":"block_actions","team":null,"user":{"id":"U1","team_id":"T9"},"actions":[{"action_id":"x"}]}""");

        Assert.Equal("T9", SlackInteraction.Team(payload));
        Assert.Equal(("T9", "", ""), (SlackInteraction.From(payload)!.TeamId, SlackInteraction.From(payload)!.ChannelId, SlackInteraction.From(payload)!.Value));
    }

    [Theory]
    [InlineData("""{"type":"view_submission","actions":[{"action_id":"x"}]}""")]
    [InlineData("""{"type":"block_actions","actions":[]}""")]
    [InlineData("""{"type":"block_actions"}""")]
    public void Other_payloads_or_one_without_an_action_are_no_click(string json) => Assert.Null(SlackInteraction.From(Json(json)));

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
