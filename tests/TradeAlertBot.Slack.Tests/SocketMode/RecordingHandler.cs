using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradeAlertBot.Slack.SocketMode;

namespace TradeAlertBot.Slack.Tests.SocketMode;

/// <summary>Records each envelope it is given and answers with <paramref name="respond"/>.</summary>
internal sealed class RecordingHandler(Func<string, JsonElement, JsonObject?> respond) : ISlackEnvelopeHandler
{
    private readonly ConcurrentQueue<(string Type, JsonElement Payload)> _seen = new();

    public IReadOnlyList<(string Type, JsonElement Payload)> Seen => [.. _seen];

    public Task<JsonObject?> HandleAsync(string type, JsonElement payload, CancellationToken ct)
    {
        _seen.Enqueue((type, payload.Clone()));
        return Task.FromResult(respond(type, payload));
    }
}
