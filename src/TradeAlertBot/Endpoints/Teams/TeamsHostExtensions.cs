using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Teams;

namespace TradeAlertBot.Endpoints.Teams;

/// <summary>The host's side of Teams: command plumbing and the messaging endpoint (the adapter itself is <c>AddTeams</c>).</summary>
public static class TeamsHostExtensions
{
    /// <summary>Inbound activities and the Teams replier; passed to <c>AddTeams</c>, so they are added only when the bot is on.</summary>
    public static IServiceCollection AddTeamsCommands(this IServiceCollection services) => services
        .AddScoped<TeamsInbound>()
        .AddScoped<IChatReplier, TeamsChatReplier>();

    public static IEndpointRouteBuilder MapTeamsIfEnabled(this IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled ? app.MapTeams() : app;
}
