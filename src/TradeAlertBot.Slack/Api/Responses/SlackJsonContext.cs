using System.Text.Json.Serialization;

namespace TradeAlertBot.Slack.Api.Responses;

/// <summary>
/// Source-generated readers for the Web API's answers: snake_case names, unknown fields ignored, numbers never
/// taken for strings. A field of an unexpected type makes the whole answer unreadable (a transient failure).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SlackReply))]
[JsonSerializable(typeof(PostMessageReply))]
[JsonSerializable(typeof(HistoryReply))]
[JsonSerializable(typeof(OAuthAccessReply))]
[JsonSerializable(typeof(ConnectionsOpenReply))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
