using Microsoft.Extensions.Options;
using TradeAlertBot.Commands;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Hosting;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Slack.SocketMode;
using TradeAlertBot.Slack;

namespace TradeAlertBot.Endpoints.Slack;

/// <summary>The host's side of Slack: command plumbing and HTTP endpoints (the adapter itself is <c>AddSlack</c>).</summary>
public static class SlackHostExtensions
{
    /// <summary>Command plumbing for slash commands, interactions and mentions; passed to <c>AddSlack</c>, so it is added only when Slack is on.</summary>
    public static IServiceCollection AddSlackCommands(this IServiceCollection services)
    {
        services.AddSingleton<SlackRequestReader>();
        services.AddScoped<SlackCommandRunner>();
        services.AddScoped<SlackInteractions>();
        services.AddScoped<IChatReplier, SlackChatReplier>();
        services.AddSingleton<SlackEnvelopeHandler>();
        services.AddSingleton<ISlackEnvelopeHandler>(provider => provider.GetRequiredService<SlackEnvelopeHandler>());
        return services;
    }

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
