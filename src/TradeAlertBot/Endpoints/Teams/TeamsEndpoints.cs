using System.Text.Json;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.IO;
using TradeAlertBot.Teams;
using TradeAlertBot.Teams.Activities;
using TradeAlertBot.Teams.Auth;

namespace TradeAlertBot.Endpoints.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework's messaging endpoint. The body is capped, the bearer token is
/// validated against the activity's channel and serviceUrl before anything is acted on; refusals are 401 and are
/// logged without the body or the token.
/// </summary>
public static class TeamsEndpoints
{
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", MessagesAsync);
        return app;
    }

    private static async Task<IResult> MessagesAsync(
        HttpRequest http, ITeamsTokenValidator validator, IOptions<TeamsOptions> options, TeamsInbound inbound, ILogger<TeamsInbound> logger, CancellationToken ct)
    {
        if (http.ContentLength > MaxBodyBytes)
        {
            logger.LogWarning("teams: refused a {Bytes}-byte activity (limit {Limit})", http.ContentLength, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await CappedRead.ReadAsync(http.Body, MaxBodyBytes, ct);
        if (body is null)
        {
            logger.LogWarning("teams: refused an activity over {Limit} bytes", MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        TeamsActivity? activity;
        try
        {
            using var json = JsonDocument.Parse(body);
            activity = TeamsActivity.Parse(json.RootElement);
        }
        catch (JsonException)
        {
            activity = null;
        }

        // Validate even a malformed body's token first: an unauthenticated caller learns nothing about our parsing.
        var auth = await validator.ValidateAsync(
            http.Headers.Authorization.ToString(), activity?.ChannelId ?? "", activity?.ServiceUrl ?? "", activity?.TenantId, ct);
        if (!auth.IsValid)
        {
            logger.LogWarning("teams: refused activity from {Remote}: {Reason}", http.HttpContext.Connection.RemoteIpAddress, auth.Reason);
            return Results.Unauthorized();
        }

        if (activity is null)
        {
            return Results.BadRequest("not a Bot Framework activity");
        }

        if (!options.Value.IsChannelAllowed(activity.ChannelId))
        {
            logger.LogWarning("teams: refused activity from channel {Channel} (not in Teams:AllowedChannels)", activity.ChannelId);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var allowed = options.Value.AllowedTenants;
        if (allowed.Count > 0 && (activity.TenantId is null || !allowed.Contains(activity.TenantId, StringComparer.OrdinalIgnoreCase)))
        {
            logger.LogWarning("teams: refused activity from tenant {Tenant} (not in Teams:AllowedTenants)", activity.TenantId);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        await inbound.HandleAsync(activity, ct);
        return Results.Ok();
    }
}
