using TradeAlertBot.TestFakes;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.Slack.Tests.SocketMode;

/// <summary>apps.connections.open only: hands out the fake server's URL with a new ticket per call.</summary>
internal sealed class StubSlackApi(FakeSocketModeServer server, int failFirstCalls = 0) : ISlackApi
{
    private int _calls;

    public int OpenCalls => Volatile.Read(ref _calls);

    public List<string> TokensSeen { get; } = [];

    public Task<Uri> OpenSocketModeConnectionAsync(string appToken, CancellationToken ct)
    {
        var call = Interlocked.Increment(ref _calls);
        lock (TokensSeen)
        {
            TokensSeen.Add(appToken);
        }

        return call <= failFirstCalls
            ? Task.FromException<Uri>(new SlackApiException("apps.connections.open", "internal_error", SlackErrorKind.Transient))
            : Task.FromResult(server.LinkUrl($"ticket-{call}"));
    }

    public Task<SlackMessageRef> PostMessageAsync(string token, SlackMessage message, CancellationToken ct) => throw new NotSupportedException();

    public Task UpdateMessageAsync(string token, string channel, string ts, SlackMessage message, CancellationToken ct) => throw new NotSupportedException();

    public Task PostEphemeralAsync(string token, string user, SlackMessage message, CancellationToken ct) => throw new NotSupportedException();

    public Task<SlackChannelInfo> GetConversationInfoAsync(string token, string channel, CancellationToken ct) => throw new NotSupportedException();

    public Task<string?> FindMessageByMetadataAsync(
        string token, string channel, string eventType, string key, string value, DateTimeOffset oldest, DateTimeOffset latest, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<SlackInstall> ExchangeOAuthCodeAsync(string clientId, string clientSecret, string code, string? redirectUri, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task PostToResponseUrlAsync(Uri responseUrl, SlackMessage message, CancellationToken ct) => throw new NotSupportedException();
}
