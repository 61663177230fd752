using System.Text.Json.Nodes;

namespace TradeAlertBot.TestFakes;

/// <summary>A message as <see cref="FakeSlackApi"/> holds it: the latest chat.postMessage or chat.update body.</summary>
public sealed record FakeSlackMessage(string Channel, string Ts, string? ThreadTs, JsonObject Body)
{
    public string? Text => Body["text"]?.GetValue<string>();

    public JsonArray? Blocks => Body["blocks"] as JsonArray;
}
