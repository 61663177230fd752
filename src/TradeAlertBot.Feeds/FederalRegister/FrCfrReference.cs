using System.Text.Json;

namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>A CFR title and part ("15", "744"); numbers in the API, read as numbers or strings.</summary>
internal sealed record FrCfrReference(JsonElement? Title, JsonElement? Part);
