using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Endpoints.Teams;
using TradeAlertBot.Teams;
using TradeAlertBot.Teams.Auth;
using TradeAlertBot.Teams.Connector;

namespace TradeAlertBot.TeamsApp;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// The Teams bot when <c>Teams:AppId</c> is set (token validation, MSAL tokens, the Connector, the alert sender);
    /// the Workflows-webhook sender always (it needs no bot registration). Incomplete bot settings stop start-up
    /// (<see cref="TeamsOptionsValidator"/>).
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TeamsOptions.SectionName);
        services.AddOptions<TeamsOptions>()
            .BindConfiguration(TeamsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddHttpClient<WorkflowsWebhookClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<IAlertSender, WorkflowsWebhookSender>();
        var options = section.Get<TeamsOptions>() ?? new TeamsOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddHttpClient(TeamsOptions.AuthHttpClientName);
        services.AddSingleton<ITeamsTokenValidator, TeamsTokenValidator>();
        services.AddSingleton<ITeamsTokenProvider, TeamsTokenProvider>();
        services.AddHttpClient<IBotConnector, BotConnectorClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddScoped<TeamsInbound>();
        services.AddScoped<IChatReplier, TeamsChatReplier>();
        services.AddSingleton<IAlertSender, TeamsAlertSender>();
        return services;
    }

    public static IEndpointRouteBuilder MapTeamsIfEnabled(this IEndpointRouteBuilder app) =>
        app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.Enabled ? app.MapTeams() : app;
}
