using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Slack.Blocks;

namespace TradeAlertBot.Slack;

/// <summary>
/// Posts alerts to Slack channels as Block Kit messages; a story's later reports go into the alert's thread and
/// the original's "reported by N outlets" line is updated. Slack's failures become outbox decisions: rate limits
/// reschedule, channel errors pause the destination, a revoked token marks the workspace broken — none drops an alert.
/// </summary>
public sealed class SlackAlertSender(IServiceScopeFactory scopes, ISlackApi slack, ILogger<SlackAlertSender> logger)
    : IAlertSender, IRecoverableAlertSender, IThreadedAlertSender
{
    // Message metadata tags each alert with its delivery id, so a post whose outcome was lost can be found again.
    private const string MetadataEvent = "tradealertbot_alert";
    private const string MetadataKey = "delivery_id";

    public string Kind => DestinationKind.Slack;

    public Task<string> SendAsync(string address, Alert alert, CancellationToken ct) =>
        PostAsync(address, channel => AlertBlocks.Render(alert, channel), ct);

    public Task<string> SendAsync(string address, Alert alert, long deliveryId, CancellationToken ct) =>
        PostAsync(address, channel => AlertBlocks.Render(alert, channel) with
        {
            Metadata = new JsonObject { ["event_type"] = MetadataEvent, ["event_payload"] = new JsonObject { [MetadataKey] = Tag(deliveryId) } },
        }, ct);

    // A 429 here surfaces as RetryLater, never as null: null means "not posted" and would post a duplicate.
    public Task<string?> FindSentAsync(string address, long deliveryId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        CallAsync(address, (token, channel) => slack.FindMessageByMetadataAsync(token, channel, MetadataEvent, MetadataKey, Tag(deliveryId), from, to, ct), ct);

    public Task UpdateAsync(string address, string messageId, Alert alert, CancellationToken ct) =>
        CallAsync(address, async (token, channel) =>
        {
            await slack.PostMessageAsync(token, AlertBlocks.OutletUpdate(alert, channel, messageId), ct);
            await slack.UpdateMessageAsync(token, channel, messageId, AlertBlocks.Render(alert, channel), ct);
            return messageId;
        }, ct);

    public Task EditAsync(string address, string messageId, Alert alert, CancellationToken ct) =>
        CallAsync(address, async (token, channel) =>
        {
            await slack.UpdateMessageAsync(token, channel, messageId, AlertBlocks.Render(alert, channel), ct);
            return messageId;
        }, ct);

    public Task<string> ReplyAsync(string address, string messageId, string text, CancellationToken ct) =>
        PostAsync(address, channel => ThreadBlocks.Reply(text, channel, messageId), ct);

    public Task<string> SendDigestAsync(string address, IReadOnlyList<Alert> alerts, CancellationToken ct) =>
        PostAsync(address, channel => DigestBlocks.Render(alerts, channel), ct);

    private Task<string> PostAsync(string address, Func<string, SlackMessage> message, CancellationToken ct) =>
        CallAsync(address, async (token, channel) => (await slack.PostMessageAsync(token, message(channel), ct)).Ts, ct);

    private static string Tag(long deliveryId) => deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The address names the workspace and the channel (SlackAddress): the workspace's own token posts to its channel.
    private async Task<T> CallAsync<T>(string address, Func<string, string, Task<T>> call, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<SlackTokens>();
        var (teamId, channel) = SlackAddress.Parse(address);
        try
        {
            return await call(await tokens.GetAsync(teamId, ct), channel);
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
