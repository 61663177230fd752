using System.Text.Json;
using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Storage.Configurations;

/// <summary>An <see cref="OfficialDocument"/> as one JSON column, read and written whole (a Core record, not an entity).</summary>
internal static class OfficialDocumentJson
{
    public static string? ToJson(OfficialDocument? document) => document is null ? null : JsonSerializer.Serialize(document);

    public static OfficialDocument? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<OfficialDocument>(json);
}
