using System.Text.Json;

namespace TradeAlertBot.Core.Tests.Categories;

/// <summary>One hand-labelled news item of labelled-items.jsonl: what a trade analyst would file it under.</summary>
public sealed record LabelledItem(string Id, string Title, string Body, string[] Labels)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<LabelledItem> LoadAll() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Categories", "labelled-items.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonSerializer.Deserialize<LabelledItem>(l, Json)!)];
}
