using TradeAlertBot.Core.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Teams.Auth;
using TradeAlertBot.Teams.Connector;

namespace TradeAlertBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// The Teams bot when <c>Teams:AppId</c> is set (token validation, MSAL tokens, the Connector, the alert sender);
    /// the Workflows-webhook sender always (it needs no bot registration). The host's command plumbing goes in
    /// <paramref name="whenEnabled"/>, so it is registered on the same decision. Incomplete bot settings stop start-up
    /// (<see cref="TeamsOptionsValidator"/>).
    /// </summary>
    public static IServiceCollection AddTeams(
        this IServiceCollection services, IConfiguration configuration, Action<IServiceCollection>? whenEnabled = null)
    {
        var section = configuration.GetSection(TeamsOptions.SectionName);
        services.AddOptions<TeamsOptions>()
            .BindConfiguration(TeamsOptions.SectionName)
            .PostConfigure(o =>
            {
                o.AllowedTenants = SettingList.Or(section[nameof(TeamsOptions.AllowedTenants)], o.AllowedTenants);
                o.Admins = SettingList.Or(section[nameof(TeamsOptions.Admins)], o.Admins);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddHttpClient<WorkflowsWebhookClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<IAlertSender, WorkflowsWebhookSender>();

        // Which services exist is decided before the container does, so the switch is read here; everything that
        // runs later reads IOptions<TeamsOptions>.
        var switches = section.Get<TeamsOptions>() ?? new TeamsOptions();
        if (!switches.Enabled)
        {
            return services;
        }

        services.AddHttpClient(TeamsOptions.AuthHttpClientName);
        services.AddSingleton<ITeamsTokenValidator, TeamsTokenValidator>();
        services.AddSingleton<ITeamsTokenProvider, TeamsTokenProvider>();
        services.AddHttpClient<IBotConnector, BotConnectorClient>(http => http.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IAlertSender, TeamsAlertSender>();
        whenEnabled?.Invoke(services);
        return services;
    }
}
