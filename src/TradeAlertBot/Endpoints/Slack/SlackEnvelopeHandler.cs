using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Options;
using TradeAlertBot.Commands;
using TradeAlertBot.Slack.Blocks;
using TradeAlertBot.Slack.Commands;
using TradeAlertBot.Slack.SocketMode;
using TradeAlertBot.Slack.Verification;
using TradeAlertBot.Slack;

namespace TradeAlertBot.Endpoints.Slack;

/// <summary>Socket Mode's envelopes go through the same code as the HTTP endpoints (no signature: the socket is authenticated).</summary>
public sealed class SlackEnvelopeHandler(IServiceScopeFactory scopes, SlackReplayGuard replays, IOptions<SlackOptions> options, ILogger<SlackEnvelopeHandler> logger)
    : ISlackEnvelopeHandler
{
    public async Task<JsonObject?> HandleAsync(string type, JsonElement payload, CancellationToken ct)
    {
        var team = type switch
        {
            "slash_commands" or "events_api" => SlackEndpoints.Str(payload, "team_id"),
            "interactive" => SlackInteraction.Team(payload),
            _ => "",
        };
        if (!options.Value.IsTeamAllowed(team))
        {
            logger.LogWarning("slack: refused a Socket Mode {Type} from workspace {TeamId} (not in Slack:AllowedTeams)", type, team);
            return null;
        }

        if (type == "events_api" && !SlackEndpoints.IsFirstDelivery(payload, isRetry: false, replays))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        switch (type)
        {
            case "slash_commands":
                var request = SlackCommandRequest.FromJson(payload);
                return request is null ? null : SlackReplies.ToJson(await services.GetRequiredService<SlackCommandRunner>().RunAsync(request, ct));
            case "interactive":
                services.GetRequiredService<SlackInteractions>().Handle(payload);
                return null;
            case "events_api" when payload.TryGetProperty("event", out var e) && SlackEndpoints.Str(e, "type") == "app_mention"
                                   && SlackMention.From(SlackEndpoints.Str(payload, "team_id"), e) is { } mention:
                CommandJob.Enqueue(services.GetRequiredService<IBackgroundJobClient>(), SlackCommandRequests.From(mention));
                return null;
            default:
                return null;
        }
    }
}
