using System.Globalization;
using System.Text;
using TradeAlertBot.Slack.Verification;

namespace TradeAlertBot.IntegrationTests.Fakes;

/// <summary>Sends requests to the host as Slack would: form or JSON bodies signed with the test signing secret.</summary>
internal sealed class SlackCommandSender(HttpClient client, string signingSecret)
{
    public Task<HttpResponseMessage> CommandAsync(
        string text, string user = "UUSER", string channel = "C1", string? responseUrl = null, string team = "T1") =>
        PostAsync("/slack/commands", Form(new()
        {
            ["team_id"] = team,
            ["channel_id"] = channel,
            ["user_id"] = user,
            ["command"] = "/trade",
            ["text"] = text,
            ["response_url"] = responseUrl ?? "",
            ["trigger_id"] = Guid.NewGuid().ToString("n"), // unique per request, as Slack's are: no two bodies sign alike
        }), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostAsync(
        string path, string body, string contentType, string? signature = null, DateTimeOffset? at = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature ?? new SignatureVerifier(signingSecret, TimeProvider.System).Sign(timestamp, Encoding.UTF8.GetBytes(body)));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return client.SendAsync(request);
    }

    public static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
