using System.Text.Json.Nodes;

namespace TradeAlertBot.TestFakes;

/// <summary>One request to the fake Connector: method, the path exactly as sent (still percent-encoded), headers of interest, body.</summary>
public sealed record ConnectorCall(string Method, string RawPath, string? Authorization, string? ContentType, JsonNode? Body);
