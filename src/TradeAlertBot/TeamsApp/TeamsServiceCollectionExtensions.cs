using Microsoft.Extensions.Options;
using TradeAlertBot.Teams;

namespace TradeAlertBot.TeamsApp;

/// <summary>The host's side of Teams: command plumbing and the messaging endpoint (the adapter itself is <c>AddTeams</c>).</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>Inbound activities and command jobs; passed to <c>AddTeams</c>, so they are added only when the bot is on.</summary>
    public static IServiceCollection AddTeamsCommands(this IServiceCollection services) => services
        .AddScoped<TeamsInbound>()
        .AddScoped<TeamsCommandJob>();

    public static IEndpointRouteBuilder MapTeamsIfEnabled(this IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled ? app.MapTeams() : app;
}
