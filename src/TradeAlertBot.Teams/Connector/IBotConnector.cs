using System.Text.Json.Nodes;

namespace TradeAlertBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST calls the bot makes
/// (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference). Every failure
/// surfaces as <see cref="TeamsApiException"/>. <paramref name="serviceUrl"/> is always the caller's: the host passes only
/// serviceUrls seen on validated inbound activities, because the bot's token goes to whatever host it names.
/// </summary>
public interface IBotConnector
{
    /// <summary>POST /v3/conversations/{id}/activities; returns the new activity's id.</summary>
    Task<string> SendToConversationAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken ct);

    /// <summary>POST /v3/conversations/{id}/activities/{replyToId} with <c>replyToId</c> set; returns the new activity's id.</summary>
    Task<string> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken ct);

    /// <summary>PUT /v3/conversations/{id}/activities/{activityId}: replaces the activity (a card with a new outlet count).</summary>
    Task UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken ct);
}
