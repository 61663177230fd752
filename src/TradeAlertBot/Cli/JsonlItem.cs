using System.Text.Json;

namespace TradeAlertBot.Cli;

/// <summary>One input line of <c>classify --jsonl</c>.</summary>
internal sealed record JsonlItem(JsonElement? Id, string? Title, string? Body, DateTimeOffset? Published)
{
    public static JsonlItem? TryParse(string line, out string error)
    {
        try
        {
            var item = JsonSerializer.Deserialize(line, CliJsonContext.Default.JsonlItem);
            if (item is null || (item.Title is null && item.Body is null))
            {
                error = "expected an object with \"title\" and/or \"body\"";
                return null;
            }

            error = "";
            return item;
        }
        catch (JsonException e)
        {
            error = $"invalid JSON ({e.Message})";
            return null;
        }
    }
}
