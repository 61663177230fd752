using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeAlertBot.Core.Evaluation;

/// <summary>
/// One hand-labelled item in the corpus shape (<c>{"id","title","body","published","labels"}</c> per line), where
/// <c>labels</c> is a list of categories, or <c>["none"]</c> (or <c>[]</c>) for none. Extra fields (source, note…) are ignored.
/// </summary>
public sealed record LabelledExample(string Id, string Title, string Body, DateOnly? Published, IReadOnlyList<string> Labels)
{
    /// <summary>The label that means "no category".</summary>
    public const string None = "none";

    /// <summary>Parses one JSON line; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static LabelledExample Parse(string line)
    {
        Line? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(line, LabelledExampleJson.Default.Line);
        }
        catch (JsonException e)
        {
            throw new FormatException($"invalid JSON ({e.Message})", e);
        }

        if (parsed?.Id is not { Length: > 0 } id)
        {
            throw new FormatException("expected an object with an \"id\"");
        }

        if (parsed.Labels is not { } labels)
        {
            throw new FormatException($"{id}: expected \"labels\" (categories, or [\"none\"])");
        }

        DateOnly? published = parsed.Published is { Length: >= 10 } p && DateOnly.TryParse(p[..10], out var date) ? date : null;
        return new LabelledExample(id, parsed.Title ?? "", parsed.Body ?? "", published,
            [.. labels.Where(l => l != None).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Reads every non-blank line of a JSON Lines file; a bad line throws with its line number.</summary>
    public static IReadOnlyList<LabelledExample> Load(TextReader reader)
    {
        var items = new List<LabelledExample>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                items.Add(Parse(line));
            }
            catch (FormatException e)
            {
                throw new FormatException($"line {number}: {e.Message}", e);
            }
        }

        return items;
    }

    internal sealed record Line(string? Id, string? Title, string? Body, string? Published, string[]? Labels);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LabelledExample.Line))]
internal sealed partial class LabelledExampleJson : JsonSerializerContext;
