using Microsoft.Extensions.Options;
using TradeAlertBot.Endpoints.Slack;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Slack.SocketMode;

namespace TradeAlertBot.SlackApp;

/// <summary>Runs the Socket Mode connection for the life of the host when <c>Slack:AppToken</c> is set.</summary>
public sealed class SocketModeService(
    ISlackApi api, IOptions<SlackOptions> options, SlackEnvelopeHandler handler, TimeProvider time, ILogger<SocketModeClient> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new SocketModeClient(api, options.Value.AppToken!, handler, time, logger).RunAsync(stoppingToken);
}
