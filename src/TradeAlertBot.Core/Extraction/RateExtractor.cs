using System.Globalization;
using System.Text.RegularExpressions;

namespace TradeAlertBot.Core.Extraction;

/// <summary>
/// Percentages ("125%", "25 per cent", "50 pct", "an additional 10 percentage points", "from 10% to 25%", "to 15%
/// from 35%") and specific duties ("64.06 ringgit per tonne"), each marked as a tariff rate or not by the words
/// around it. A rate listed in a sentence after a tariff rate is one too ("tariffs rose to 120% on cars, 140% on
/// drinks and 60% on tobacco").
/// </summary>
public static partial class RateExtractor
{
    /// <summary>How far (characters, same sentence) a trade word may be from the number to make it a tariff rate.</summary>
    private const int ContextChars = 80;

    public static IEnumerable<RateFact> Extract(string text)
    {
        var found = new List<(int Index, RateFact Rate)>();
        var prices = new HashSet<int>();
        foreach (Match m in Rate().Matches(text))
        {
            var value = decimal.Parse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var unit = m.Groups["pp"].Success ? RateUnit.PercentagePoints : RateUnit.Percent;
            found.Add((m.Index, new RateFact(m.Value, value, unit, Role(text, m), IsTariff(text, m.Index, m.Length))));
        }

        foreach (Match m in SpecificDuty().Matches(text))
        {
            var currency = m.Groups["pre"].Success ? m.Groups["pre"].Value : m.Groups["post"].Value;
            // "the threshold price of 210 cents per kilo" is a price, not a duty.
            var isPrice = PriceWord().IsMatch(NearBefore(text, m.Index, 30));
            if (isPrice)
            {
                prices.Add(m.Index);
            }

            var isTariff = IsTariff(text, m.Index, m.Length) && !isPrice;
            found.Add((m.Index, new RateFact(m.Value, Number(m.Groups["n"].Value), RateUnit.PerQuantity, Role(text, m), isTariff,
                CurrencyName(currency), m.Groups["per"].Value.ToLowerInvariant())));
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        for (var i = 1; i < found.Count; i++)
        {
            var (index, rate) = found[i];
            var (previousIndex, previous) = found[i - 1];
            var sameSentence = SentenceStart(text, index, index - previousIndex) <= previousIndex;
            if (!rate.IsTariffRate && previous.IsTariffRate && rate.Unit == previous.Unit && sameSentence && !prices.Contains(index))
            {
                found[i] = (index, rate with { IsTariffRate = true });
            }
        }

        return found.Select(f => f.Rate);
    }

    // "213-1/2", "3/8", "64.06".
    private static decimal Number(string text)
    {
        var parts = text.Split('-', ' ');
        return parts.Sum(part => part.Split('/') is [var numerator, var denominator]
            ? decimal.Parse(numerator, CultureInfo.InvariantCulture) / decimal.Parse(denominator, CultureInfo.InvariantCulture)
            : decimal.Parse(part, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
    }

    // An ISO code where the money extractor knows the currency; else the unit as written ("cent").
    private static string CurrencyName(string written) =>
        MoneyExtractor.CurrencyCode(written) ?? written.ToLowerInvariant().TrimEnd('s', '.');

    private static RateRole Role(string text, Match m)
    {
        var before = text[Math.Max(0, m.Index - 12)..m.Index].ToLowerInvariant();
        if (FromWord().IsMatch(before))
        {
            return RateRole.From;
        }

        var after = text[(m.Index + m.Length)..Math.Min(text.Length, m.Index + m.Length + 20)];
        return ToWord().IsMatch(before) && (FromEarlier().IsMatch(text[Math.Max(0, m.Index - 40)..m.Index]) || FromLater().IsMatch(after))
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
            if (text[i] is '.' or '!' or '?' or '\n' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])) && !IsInitialism(text, i))
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
            if (text[i] is '!' or '?' or '\n' || (text[i] == '.' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1])) && !IsInitialism(text, i)))
            {
                return i;
            }
        }

        return limit;
    }

    // The dot of "U.S." or "E.U." ends no sentence.
    private static bool IsInitialism(string text, int dot) =>
        dot >= 2 && char.IsUpper(text[dot - 1]) && text[dot - 2] == '.';

    [GeneratedRegex(@"(?<![\w.])(?<n>\d{1,4}(?:\.\d+)?)(?:\s*%|\s+(?:per\s?cent|percent|pct)\b|(?<pp>\s+percentage[\s-]points?\b|\s*pp\b))", RegexOptions.IgnoreCase)]
    private static partial Regex Rate();

    [GeneratedRegex(@"\bfrom\s+(?:an?\s+|the\s+)?$")]
    private static partial Regex FromWord();

    [GeneratedRegex(@"\bfrom\s+(?:an?\s+|the\s+)?\d", RegexOptions.IgnoreCase)]
    private static partial Regex FromEarlier();

    [GeneratedRegex(@"^\s*,?\s*from\s+(?:an?\s+|the\s+)?\d", RegexOptions.IgnoreCase)]
    private static partial Regex FromLater();

    [GeneratedRegex(
        @"(?:(?<pre>US\$|\$|€|RM|Rs\.?|USD|EUR)\s?(?<n>\d+(?:\.\d+)?)"
        + @"|(?<![\w./-])(?<n>\d+(?:\.\d+)?(?:-\d+/\d+)?|\d+/\d+)\s*(?<post>US\s?cents?|cents?|ringgit|rupees?|taka|yuan|euros?|dollars?))"
        + @"\s*(?:per|a|/)\s*(?<per>tonne|ton|kilo|kg|kilogram|litre|liter|barrel|head|pair|dozen|unit|piece)s?\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SpecificDuty();

    [GeneratedRegex(@"\bprices?\b", RegexOptions.IgnoreCase)]
    private static partial Regex PriceWord();

    [GeneratedRegex(@"\b(?:to|up\s+to)\s+(?:an?\s+)?$")]
    private static partial Regex ToWord();

    [GeneratedRegex(@"\b(?:tariffs?|dut(?:y|ies)|levy|levies|customs|surtax(?:es)?|(?:import|export)\s+tax(?:es)?|anti-?dumping|countervailing|surcharges?|rate\s+on\s+imports)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TradeWord();

    [GeneratedRegex(@"\b(?:shares?|stocks?|index|indices|inflation|gdp|growth|profits?|revenue|sales|earnings|yields?|prices?\s+(?:rose|fell)|rallied|jumped|soared|slumped|unemployment)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MarketWord();
}
