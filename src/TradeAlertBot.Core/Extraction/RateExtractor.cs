using System.Globalization;
using System.Text.RegularExpressions;

namespace TradeAlertBot.Core.Extraction;

/// <summary>
/// Percentages ("125%", "25 per cent", "an additional 10 percentage points", "from 10% to 25%"), each marked as a
/// tariff rate or not by the words around it.
/// </summary>
public static partial class RateExtractor
{
    /// <summary>How far (characters, same sentence) a trade word may be from the number to make it a tariff rate.</summary>
    private const int ContextChars = 80;

    public static IEnumerable<RateFact> Extract(string text)
    {
        foreach (Match m in Rate().Matches(text))
        {
            var value = decimal.Parse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var unit = m.Groups["pp"].Success ? RateUnit.PercentagePoints : RateUnit.Percent;
            yield return new RateFact(m.Value, value, unit, Role(text, m), IsTariff(text, m.Index, m.Length));
        }
    }

    private static RateRole Role(string text, Match m)
    {
        var before = text[Math.Max(0, m.Index - 12)..m.Index].ToLowerInvariant();
        if (FromWord().IsMatch(before))
        {
            return RateRole.From;
        }

        return ToWord().IsMatch(before) && FromEarlier().IsMatch(text[Math.Max(0, m.Index - 40)..m.Index])
            ? RateRole.To
            : RateRole.None;
    }

    private static bool IsTariff(string text, int index, int length)
    {
        var start = SentenceStart(text, index, ContextChars);
        var end = SentenceEnd(text, index + length, ContextChars);
        var window = text[start..end];
        return TradeWord().IsMatch(window) && !MarketWord().IsMatch(NearBefore(text, index, 40));
    }

    // "shares rose 169%": a market word right before the number wins over a tariff word elsewhere in the sentence.
    private static string NearBefore(string text, int index, int chars) => text[Math.Max(0, index - chars)..index];

    private static int SentenceStart(string text, int index, int max)
    {
        var limit = Math.Max(0, index - max);
        for (var i = index - 1; i >= limit; i--)
        {
            if (text[i] is '.' or '!' or '?' or '\n' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                return i + 1;
            }
        }

        return limit;
    }

    private static int SentenceEnd(string text, int index, int max)
    {
        var limit = Math.Min(text.Length, index + max);
        for (var i = index; i < limit; i++)
        {
            if (text[i] is '!' or '?' or '\n' || (text[i] == '.' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                return i;
            }
        }

        return limit;
    }

    [GeneratedRegex(@"(?<![\w.])(?<n>\d{1,4}(?:\.\d+)?)(?:\s*%|\s+(?:per\s?cent|percent)\b|(?<pp>\s+percentage[\s-]points?\b|\s*pp\b))", RegexOptions.IgnoreCase)]
    private static partial Regex Rate();

    [GeneratedRegex(@"\bfrom\s+(?:an?\s+|the\s+)?$")]
    private static partial Regex FromWord();

    [GeneratedRegex(@"\bfrom\s+(?:an?\s+|the\s+)?\d", RegexOptions.IgnoreCase)]
    private static partial Regex FromEarlier();

    [GeneratedRegex(@"\b(?:to|up\s+to)\s+(?:an?\s+)?$")]
    private static partial Regex ToWord();

    [GeneratedRegex(@"\b(?:tariffs?|dut(?:y|ies)|levy|levies|customs|import\s+tax(?:es)?|anti-?dumping|countervailing|surcharges?|rate\s+on\s+imports)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TradeWord();

    [GeneratedRegex(@"\b(?:shares?|stocks?|index|indices|inflation|gdp|growth|profits?|revenue|sales|earnings|yields?|prices?\s+(?:rose|fell)|rallied|jumped|soared|slumped|unemployment)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MarketWord();
}
