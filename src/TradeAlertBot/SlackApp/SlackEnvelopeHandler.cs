using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using TradeAlertBot.Slack.SocketMode;

namespace TradeAlertBot.SlackApp;

/// <summary>Socket Mode's envelopes go through the same code as the HTTP endpoints (no signature: the socket is authenticated).</summary>
public sealed class SlackEnvelopeHandler(IServiceScopeFactory scopes) : ISlackEnvelopeHandler
{
    public async Task<JsonObject?> HandleAsync(string type, JsonElement payload, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (type)
        {
            case "slash_commands":
                var request = SlackCommandRequest.FromJson(payload);
                return request is null ? null : SlackReplies.ToJson(await services.GetRequiredService<SlackCommandRunner>().RunAsync(request, ct));
            case "interactive":
                await services.GetRequiredService<SlackInteractions>().HandleAsync(payload, ct);
                return null;
            case "events_api" when payload.TryGetProperty("event", out var e) && SlackEndpoints.Str(e, "type") == "app_mention"
                                   && SlackMention.From(SlackEndpoints.Str(payload, "team_id"), e) is { } mention:
                services.GetRequiredService<IBackgroundJobClient>().Enqueue<SlackMentionJob>(Jobs.JobQueues.ForCommand(mention.Text), job => job.RunAsync(mention, CancellationToken.None));
                return null;
            default:
                return null;
        }
    }
}
