using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage;
using TradeAlertBot.Teams.Cards;
using TradeAlertBot.Teams.Connector;

namespace TradeAlertBot.Teams;

/// <summary>
/// Posts alerts as Adaptive Cards to conversations the bot is installed in (proactively, to the service URL of the
/// stored reference); a story's later reports are threaded replies plus an update of the card. Failures become
/// outbox decisions: 429 reschedules, a removed bot pauses the destination, refused credentials pause it too.
/// </summary>
public sealed class TeamsAlertSender(IServiceScopeFactory scopes, IBotConnector connector) : IAlertSender, IThreadedAlertSender
{
    public string Kind => DestinationKind.Teams;

    public Task<string> SendAsync(string address, Alert alert, CancellationToken ct) =>
        CallAsync(address, serviceUrl => connector.SendToConversationAsync(serviceUrl, address, AlertCard.Activity(alert), ct), ct);

    public Task UpdateAsync(string address, string messageId, Alert alert, CancellationToken ct) =>
        CallAsync(address, async serviceUrl =>
        {
            await connector.ReplyToActivityAsync(serviceUrl, address, messageId, AlertCard.OutletUpdate(alert), ct);
            await connector.UpdateActivityAsync(serviceUrl, address, messageId, AlertCard.Activity(alert), ct);
            return messageId;
        }, ct);

    public Task EditAsync(string address, string messageId, Alert alert, CancellationToken ct) =>
        CallAsync(address, async serviceUrl =>
        {
            await connector.UpdateActivityAsync(serviceUrl, address, messageId, AlertCard.Activity(alert), ct);
            return messageId;
        }, ct);

    public Task<string> ReplyAsync(string address, string messageId, string text, CancellationToken ct) =>
        CallAsync(address, serviceUrl => connector.ReplyToActivityAsync(serviceUrl, address, messageId, ThreadCard.Activity(text), ct), ct);

    public Task<string> SendDigestAsync(string address, IReadOnlyList<Alert> alerts, CancellationToken ct) =>
        CallAsync(address, serviceUrl => connector.SendToConversationAsync(serviceUrl, address, DigestCard.Activity(alerts), ct), ct);

    private async Task<string> CallAsync(string conversationId, Func<string, Task<string>> call, CancellationToken ct)
    {
        string? serviceUrl;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
            serviceUrl = await db.TeamsConversations.Where(c => c.ConversationId == conversationId && c.RemovedAt == null)
                .Select(c => c.ServiceUrl).FirstOrDefaultAsync(ct);
        }

        if (serviceUrl is null)
        {
            throw new AlertDeliveryException(DeliveryFailure.DestinationUnavailable,
                "the bot is not installed in this Teams conversation (or was removed); install it again to resume alerts");
        }

        try
        {
            return await call(serviceUrl);
        }
        catch (TeamsApiException e) when (e.Kind == TeamsErrorKind.RateLimited)
        {
            throw new AlertDeliveryException(DeliveryFailure.RetryLater, e.Message, e.RetryAfter, e);
        }
        catch (TeamsApiException e) when (e.Kind == TeamsErrorKind.BotRemoved)
        {
            throw new AlertDeliveryException(DeliveryFailure.DestinationUnavailable, $"Teams refused the post ({e.Error}): the bot was removed from the conversation", inner: e);
        }
        catch (TeamsApiException e) when (e.Kind == TeamsErrorKind.BadRequest)
        {
            throw new AlertDeliveryException(DeliveryFailure.Rejected, $"Teams refused this message ({e.Error})", inner: e);
        }
        catch (TeamsApiException e) when (e.Kind == TeamsErrorKind.AuthFailed)
        {
            throw new AlertDeliveryException(DeliveryFailure.AccountBroken, $"Teams refused the bot's credentials ({e.Error}): check Teams:AppId and its secret", inner: e);
        }
    }
}
