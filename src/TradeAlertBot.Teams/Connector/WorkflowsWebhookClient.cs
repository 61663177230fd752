using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace TradeAlertBot.Teams.Connector;

/// <summary>
/// Posts an Adaptive Card to a Teams Workflows (Power Automate) "when a Teams webhook request is received" URL, the
/// replacement for retired Office 365 connectors, for teams that cannot install the bot. The URL's <c>sig</c> query
/// parameter is the credential, so no bearer token is sent and the URL must never be logged. Workflows' post-card
/// actions cap messages at about 28 KB (https://learn.microsoft.com/connectors/teams/), so larger bodies are refused
/// here instead of failing inside the flow.
/// </summary>
public sealed class WorkflowsWebhookClient(HttpClient http, TimeProvider? time = null)
{
    public const int MaxBodyBytes = 28 * 1024;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Posts <paramref name="card"/> (an AdaptiveCard object) wrapped in a message with one attachment.</summary>
    public async Task PostCardAsync(string webhookUrl, JsonObject card, CancellationToken ct)
    {
        const string operation = "workflows webhook";
        var url = TeamsHttp.RequireSafeUrl(webhookUrl, nameof(webhookUrl));
        var bytes = TeamsHttp.Serialize(Body(card));
        if (bytes.Length > MaxBodyBytes)
        {
            throw new TeamsApiException(operation, $"body of {bytes.Length} bytes exceeds {MaxBodyBytes}", TeamsErrorKind.BadRequest);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        await TeamsHttp.SendAsync(http, request, operation, _time, ct);
    }

    /// <summary>The body Workflows' Teams trigger expects: a message whose attachment is the card (contentUrl null).</summary>
    public static JsonObject Body(JsonObject card) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray
        {
            new JsonObject
            {
                ["contentType"] = Cards.AlertCard.ContentType,
                ["contentUrl"] = null,
                ["content"] = card.DeepClone(),
            },
        },
    };
}
