using System.Text.Json.Serialization;

namespace TradeAlertBot.Cli;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ClassificationJson))]
[JsonSerializable(typeof(ClassifyError))]
[JsonSerializable(typeof(JsonlItem))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
