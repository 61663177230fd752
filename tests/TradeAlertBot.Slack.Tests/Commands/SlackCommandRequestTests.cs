using System.Text;
using System.Text.Json;
using TradeAlertBot.Slack.Commands;

namespace TradeAlertBot.Slack.Tests.Commands;

public sealed class SlackCommandRequestTests
{
    [Fact]
    public void A_slash_command_form_is_read_with_its_text_decoded()
    {
        var body = Encoding.UTF8.GetBytes("team_id=T1&channel_id=C1&user_id=U1&text=search+steel+%26+%22safeguard%22&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1");

        Assert.Equal(
            new SlackCommandRequest("T1", "C1", "U1", "search steel & \"safeguard\"", "https://hooks.slack.com/commands/1"),
            SlackCommandRequest.FromForm(body));
    }

    [Fact]
    public void A_socket_mode_payload_without_a_response_url_has_none()
    {
        var payload = JsonDocument.Parse("""{"team_id":"T1","channel_id":"C1","user_id":"U1","text":"help"}""").RootElement;

        Assert.Null(SlackCommandRequest.FromJson(payload)!.ResponseUrl);
    }

    [Fact]
    public void A_request_without_a_channel_or_user_is_refused() =>
        Assert.Null(SlackCommandRequest.FromForm(Encoding.UTF8.GetBytes("team_id=T1&user_id=U1&text=help")));
}
