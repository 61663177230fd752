using System.Text.Json.Serialization;

namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>Source-generated (de)serialisation; a shallow depth cap, since the API's answers nest four levels at most.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, MaxDepth = 16)]
[JsonSerializable(typeof(FrSearchPage))]
[JsonSerializable(typeof(FrPublicInspectionPage))]
internal sealed partial class FederalRegisterJsonContext : JsonSerializerContext;
