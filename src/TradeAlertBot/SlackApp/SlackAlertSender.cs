using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Slack.Blocks;
using TradeAlertBot.Storage;

namespace TradeAlertBot.SlackApp;

/// <summary>
/// Posts alerts to Slack channels as Block Kit messages; a story's later reports go into the alert's thread and
/// the original's "reported by N outlets" line is updated. Slack's failures become outbox decisions: rate limits
/// reschedule, channel errors pause the destination, a revoked token marks the workspace broken — none drops an alert.
/// </summary>
public sealed class SlackAlertSender(IServiceScopeFactory scopes, ISlackApi slack, ILogger<SlackAlertSender> logger)
    : IAlertSender, IRecoverableAlertSender
{
    // Message metadata tags each alert with its delivery id, so a post whose outcome was lost can be found again.
    private const string MetadataEvent = "tradealertbot_alert";
    private const string MetadataKey = "delivery_id";

    public string Kind => "slack";

    public Task<string> SendAsync(string address, Alert alert, CancellationToken ct) =>
        PostAsync(address, AlertBlocks.Render(alert, address), ct);

    public Task<string> SendAsync(string address, Alert alert, long deliveryId, CancellationToken ct) =>
        PostAsync(address, AlertBlocks.Render(alert, address) with
        {
            Metadata = new JsonObject { ["event_type"] = MetadataEvent, ["event_payload"] = new JsonObject { [MetadataKey] = Tag(deliveryId) } },
        }, ct);

    public Task<string?> FindSentAsync(string address, long deliveryId, DateTimeOffset since, CancellationToken ct) =>
        CallAsync(address, token => slack.FindMessageByMetadataAsync(token, address, MetadataEvent, MetadataKey, Tag(deliveryId), since, ct), ct);

    public Task UpdateAsync(string address, string messageId, Alert alert, CancellationToken ct) =>
        CallAsync(address, async token =>
        {
            await slack.PostMessageAsync(token, AlertBlocks.OutletUpdate(alert, address, messageId), ct);
            await slack.UpdateMessageAsync(token, address, messageId, AlertBlocks.Render(alert, address), ct);
            return messageId;
        }, ct);

    public Task<string> SendDigestAsync(string address, IReadOnlyList<Alert> alerts, CancellationToken ct) =>
        PostAsync(address, DigestBlocks.Render(alerts, address), ct);

    private Task<string> PostAsync(string channel, SlackMessage message, CancellationToken ct) =>
        CallAsync(channel, async token => (await slack.PostMessageAsync(token, message, ct)).Ts, ct);

    private static string Tag(long deliveryId) => deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<T> CallAsync<T>(string channel, Func<string, Task<T>> call, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
        var tokens = scope.ServiceProvider.GetRequiredService<SlackTokens>();
        var teamId = await db.Destinations.Where(d => d.Kind == Kind && d.Address == channel).Select(d => d.TeamId).FirstOrDefaultAsync(ct);
        try
        {
            return await call(await tokens.GetAsync(teamId, ct));
        }
        catch (SlackApiException e) when (e.Kind == SlackErrorKind.RateLimited)
        {
            throw new AlertDeliveryException(DeliveryFailure.RetryLater, e.Message, e.RetryAfter, e);
        }
        catch (SlackApiException e) when (e.Kind == SlackErrorKind.ChannelUnavailable)
        {
            throw new AlertDeliveryException(DeliveryFailure.DestinationUnavailable,
                $"Slack says {e.Error} for channel {channel}: invite the bot (/invite @TradeAlertBot) or unarchive the channel", inner: e);
        }
        catch (SlackApiException e) when (e.Kind == SlackErrorKind.BadRequest)
        {
            throw new AlertDeliveryException(DeliveryFailure.Rejected, $"Slack refused this message: {e.Error}", inner: e);
        }
        catch (SlackApiException e) when (e.Kind == SlackErrorKind.AuthRevoked)
        {
            logger.LogError("slack: workspace {TeamId} token refused ({Error}); marked broken", teamId, e.Error);
            await tokens.MarkBrokenAsync(teamId, e.Error, ct);
            throw new AlertDeliveryException(DeliveryFailure.AccountBroken,
                $"Slack refused the workspace's token ({e.Error}): reinstall the app", inner: e);
        }
    }
}
