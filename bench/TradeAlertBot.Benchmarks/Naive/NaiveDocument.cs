using System.Text.RegularExpressions;

namespace TradeAlertBot.Benchmarks.Naive;

/// <summary>An item as the naive baseline sees it: raw strings plus word-start offsets for proximity.</summary>
public sealed partial class NaiveDocument(string title, string body)
{
    public string Title { get; } = title;
    public string Body { get; } = body;
    public int[] TitleWordStarts { get; } = WordStarts(title);
    public int[] BodyWordStarts { get; } = WordStarts(body);

    /// <summary>Index of the word that starts at <paramref name="offset"/> in a field.</summary>
    public static int WordIndex(int[] starts, int offset)
    {
        var i = Array.BinarySearch(starts, offset);
        return i < 0 ? ~i - 1 : i;
    }

    private static int[] WordStarts(string text) => [.. Word().Matches(text).Select(m => m.Index)];

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
