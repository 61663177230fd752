using Microsoft.Extensions.Options;
using TradeAlertBot.Commands;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Endpoints.Slack;
using TradeAlertBot.Hosting;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.SlackApp;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Slack, when configured (a signing secret for the HTTP endpoints, an app token for Socket Mode): the API client,
    /// the alert sender, command plumbing and Data Protection for stored tokens. Without settings nothing is added;
    /// incomplete settings stop start-up (<see cref="SlackOptionsValidator"/>).
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.SectionName);
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .PostConfigure(o => o.AllowedTeams = CommaList(section.GetSection("AllowedTeams"), o.AllowedTeams))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        var options = section.Get<SlackOptions>() ?? new SlackOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddHttpClient<ISlackApi, SlackApiClient>(http => http.Timeout = options.Timeout)
            .AddTypedClient<ISlackApi>(http => new SlackApiClient(http, new SlackApiOptions { ApiBaseUrl = options.ApiBaseUrl, MaxResponseBytes = options.MaxResponseBytes }));
        services.AddSingleton<SlackReplayGuard>();
        services.AddSingleton<SlackRequestReader>();
        services.AddScoped<SlackTokens>();
        services.AddScoped<SlackCommandRunner>();
        services.AddScoped<SlackInteractions>();
        services.AddScoped<IChatReplier, SlackChatReplier>();
        services.AddSingleton<SlackEnvelopeHandler>();
        services.AddSingleton<IAlertSender, SlackAlertSender>();
        if (options.SocketModeEnabled)
        {
            services.AddHostedService<SocketModeService>();
        }

        return services;
    }

    // A list setting may come as one comma-separated string (an environment variable): "T1,T2" must not bind as empty (= any).
    private static List<string> CommaList(IConfigurationSection section, List<string> bound) =>
        section.Value is { } one ? [.. one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : bound;

    public static IEndpointRouteBuilder MapSlackIfEnabled(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (options.HttpEnabled)
        {
            app.MapSlack();
        }

        if (options.HttpEnabled && options.OAuthEnabled)
        {
            app.MapSlackOAuth();
        }

        return app;
    }
}
