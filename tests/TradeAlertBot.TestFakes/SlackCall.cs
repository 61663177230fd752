using System.Text.Json.Nodes;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// One request <see cref="FakeSlackApi"/> received: the Web API method (or <c>response/{id}</c> for a response_url
/// post), the bearer token if any, the body as JSON (form fields become string properties) and its content type.
/// </summary>
public sealed record SlackCall(string Method, string? Token, JsonObject Body, string? ContentType)
{
    public string? Field(string name) => Body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
