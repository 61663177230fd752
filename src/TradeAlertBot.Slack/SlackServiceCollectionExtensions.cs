using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Slack.SocketMode;
using TradeAlertBot.Slack.Verification;

namespace TradeAlertBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Slack, when configured (a signing secret for the HTTP endpoints, an app token for Socket Mode): the API client,
    /// the token store, the replay guard, the alert sender and, with an app token, the Socket Mode connection (which
    /// needs an <see cref="ISlackEnvelopeHandler"/>). The host's command plumbing goes in <paramref name="whenEnabled"/>,
    /// so it is registered on the same decision. Without settings nothing is added; incomplete settings stop start-up
    /// (<see cref="SlackOptionsValidator"/>).
    /// </summary>
    public static IServiceCollection AddSlack(
        this IServiceCollection services, IConfiguration configuration, Action<IServiceCollection>? whenEnabled = null)
    {
        var section = configuration.GetSection(SlackOptions.SectionName);
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .PostConfigure(o =>
            {
                o.AllowedTeams = SettingList.Or(section[nameof(SlackOptions.AllowedTeams)], o.AllowedTeams);
                o.Admins = SettingList.Or(section[nameof(SlackOptions.Admins)], o.Admins);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();

        // Which services exist is decided before the container does, so the switches are read here; everything that
        // runs later reads IOptions<SlackOptions>.
        var switches = section.Get<SlackOptions>() ?? new SlackOptions();
        if (!switches.Enabled)
        {
            return services;
        }

        services.AddHttpClient<ISlackApi, SlackApiClient>((provider, http) => http.Timeout = provider.GetRequiredService<IOptions<SlackOptions>>().Value.Timeout)
            .AddTypedClient<ISlackApi>((http, provider) => new SlackApiClient(http, provider.GetRequiredService<IOptions<SlackOptions>>().Value));
        services.AddSingleton<SlackReplayGuard>();
        services.AddScoped<SlackTokens>();
        services.AddSingleton<IAlertSender, SlackAlertSender>();
        if (switches.SocketModeEnabled)
        {
            services.AddHostedService<SocketModeService>();
        }

        whenEnabled?.Invoke(services);
        return services;
    }
}
