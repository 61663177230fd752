using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using TradeAlertBot.Commands;
using TradeAlertBot.Slack.Blocks;
using TradeAlertBot.Slack.Commands;
using TradeAlertBot.Slack.Verification;
using TradeAlertBot.Slack;

namespace TradeAlertBot.Endpoints.Slack;

/// <summary>
/// Slack's HTTP callbacks. Each verifies the signature on the raw body before parsing anything, and answers within
/// Slack's 3 seconds (slow work goes to jobs).
/// </summary>
public static class SlackEndpoints
{
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/commands", CommandAsync);
        app.MapPost("/slack/interactions", InteractionAsync);
        app.MapPost("/slack/events", EventAsync);
        return app;
    }

    private static async Task<IResult> CommandAsync(
        HttpRequest http, SlackRequestReader reader, SlackCommandRunner runner, IOptions<SlackOptions> options, ILogger<SlackRequestReader> logger, CancellationToken ct)
    {
        var (body, refusal) = await reader.ReadAsync(http, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body!)).ContainsKey("ssl_check"))
        {
            return Results.Ok();
        }

        var request = SlackCommandRequest.FromForm(body!);
        if (request is null)
        {
            return Results.Json(new { response_type = "ephemeral", text = "That request had no channel or user; nothing was done." });
        }

        if (!options.Value.IsTeamAllowed(request.TeamId))
        {
            return RefuseTeam(logger, request.TeamId);
        }

        return Results.Json(SlackReplies.ToJson(await runner.RunAsync(request, ct)));
    }

    private static async Task<IResult> InteractionAsync(
        HttpRequest http, SlackRequestReader reader, SlackInteractions interactions, IOptions<SlackOptions> options, ILogger<SlackRequestReader> logger,
        CancellationToken ct)
    {
        var (body, refusal) = await reader.ReadAsync(http, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var form = QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body!));
        if (!form.TryGetValue("payload", out var payload) || !TryParse(payload.ToString(), out var json))
        {
            return Results.BadRequest("payload missing or not JSON");
        }

        if (!options.Value.IsTeamAllowed(SlackInteraction.Team(json)))
        {
            return RefuseTeam(logger, SlackInteraction.Team(json));
        }

        interactions.Handle(json);
        return Results.Ok();
    }

    private static async Task<IResult> EventAsync(
        HttpRequest http, SlackRequestReader reader, SlackReplayGuard replays, IBackgroundJobClient jobs, IOptions<SlackOptions> options,
        ILogger<SlackRequestReader> logger, CancellationToken ct)
    {
        var (body, refusal) = await reader.ReadAsync(http, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!TryParse(System.Text.Encoding.UTF8.GetString(body!), out var json))
        {
            return Results.BadRequest("body is not JSON");
        }

        // Slack retries an event it thinks went unanswered (X-Slack-Retry-Num, https://api.slack.com/apis/events-api#retries)
        // with a new signature but the same event_id: the first delivery is the one that runs.
        if (!IsFirstDelivery(json, http.Headers.ContainsKey("X-Slack-Retry-Num"), replays))
        {
            return Results.Ok();
        }

        if (Str(json, "type") == "event_callback" && !options.Value.IsTeamAllowed(Str(json, "team_id")))
        {
            return RefuseTeam(logger, Str(json, "team_id"));
        }

        switch (Str(json, "type"))
        {
            case "url_verification":
                return Results.Text(Str(json, "challenge"), "text/plain");
            case "event_callback" when json.TryGetProperty("event", out var e) && Str(e, "type") == "app_mention"
                                       && SlackMention.From(Str(json, "team_id"), e) is { } mention:
                CommandJob.Enqueue(jobs, SlackCommandRequests.From(mention));
                break;
        }

        return Results.Ok();
    }

    /// <summary>False for an event seen before (by event_id), or a retry that names none.</summary>
    internal static bool IsFirstDelivery(JsonElement json, bool isRetry, SlackReplayGuard replays) =>
        Str(json, "event_id") is { Length: > 0 } id ? replays.FirstTime("event:" + id) : !isRetry;

    private static IResult RefuseTeam(ILogger logger, string? teamId)
    {
        logger.LogWarning("slack: refused a request from workspace {TeamId} (not in Slack:AllowedTeams)", teamId);
        return Results.Text("This workspace is not served by this TradeAlertBot.", statusCode: StatusCodes.Status403Forbidden);
    }

    internal static bool TryParse(string text, out JsonElement json)
    {
        try
        {
            json = JsonDocument.Parse(text).RootElement.Clone();
            return json.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            json = default;
            return false;
        }
    }

    internal static string Str(JsonElement json, string name) => SlackJson.Str(json, name);
}
