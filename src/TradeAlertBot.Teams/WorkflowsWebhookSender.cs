using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage;
using TradeAlertBot.Teams.Cards;
using TradeAlertBot.Teams.Connector;

namespace TradeAlertBot.Teams;

/// <summary>
/// For teams that cannot install a bot: posts the same Adaptive Card to a Teams Workflows incoming-webhook URL (kept
/// encrypted by <see cref="WebhookSecrets"/>; the address only names it). Webhooks cannot edit or thread, so a
/// story's later reports post a short follow-up card.
/// </summary>
public sealed class WorkflowsWebhookSender(WorkflowsWebhookClient webhooks, WebhookSecrets secrets, IServiceScopeFactory scopes) : IAlertSender
{
    public string Kind => WebhookSecrets.Kind;

    public async Task<string> SendAsync(string address, Alert alert, CancellationToken ct)
    {
        await PostAsync(address, AlertCard.Render(alert), ct);
        return $"webhook-{alert.StoryId}";
    }

    public Task UpdateAsync(string address, string messageId, Alert alert, CancellationToken ct) =>
        PostAsync(address, new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = AlertCard.Schema,
            ["version"] = AlertCard.Version,
            ["body"] = new JsonArray(new JsonObject
            {
                ["type"] = "TextBlock",
                ["wrap"] = true,
                ["text"] = $"{AlertCard.OutletUpdate(alert)["text"]!.GetValue<string>()} — {TeamsMarkdown.Clean(alert.Title, 300)}",
            }),
        }, ct);

    public async Task<string> SendDigestAsync(string address, IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        foreach (var alert in alerts)
        {
            await PostAsync(address, AlertCard.Render(alert), ct);
        }

        return $"webhook-digest-{alerts[0].StoryId}";
    }

    private async Task PostAsync(string address, JsonObject card, CancellationToken ct)
    {
        string? protectedUrl;
        await using (var scope = scopes.CreateAsyncScope())
        {
            protectedUrl = await scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>().Destinations
                .Where(d => d.Kind == Kind && d.Address == address).Select(d => d.ProtectedSecret).FirstOrDefaultAsync(ct);
        }

        try
        {
            await webhooks.PostCardAsync(secrets.UrlOf(address, protectedUrl), card, ct);
        }
        catch (TeamsApiException e) when (e.Kind == TeamsErrorKind.RateLimited)
        {
            throw new AlertDeliveryException(DeliveryFailure.RetryLater, e.Message, e.RetryAfter, e);
        }
        catch (TeamsApiException e) when (e.Kind is TeamsErrorKind.BotRemoved or TeamsErrorKind.AuthFailed or TeamsErrorKind.BadRequest)
        {
            throw new AlertDeliveryException(DeliveryFailure.DestinationUnavailable, $"the Workflows webhook refused the post ({e.Error}); check the flow is on", inner: e);
        }
    }
}
