using System.Globalization;
using System.Text.RegularExpressions;

namespace TradeAlertBot.Core.Extraction;

/// <summary>Money amounts with currency and scale: "$200 billion", "€1.2bn", "US$50 million", "RMB 100 billion", "200 billion dollars".</summary>
public static partial class MoneyExtractor
{
    public static IEnumerable<MoneyFact> Extract(string text)
    {
        foreach (Match m in Amount().Matches(text))
        {
            var symbol = m.Groups["pre"].Success ? m.Groups["pre"].Value : m.Groups["post"].Value;
            if (CurrencyCode(symbol) is not { } currency)
            {
                continue;
            }

            var number = decimal.Parse(m.Groups["n"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            yield return new MoneyFact(m.Value.Trim(), number * Scale(m.Groups["s"].Value), currency);
        }
    }

    /// <summary>The ISO 4217 code of a currency as written ("$", "euros", "ringgit", "Rs."), or null.</summary>
    internal static string? CurrencyCode(string symbol) => symbol.ToLowerInvariant() switch
    {
        "$" or "us$" or "usd" or "dollars" or "dollar" or "us dollars" => "USD",
        "€" or "eur" or "euros" or "euro" => "EUR",
        "£" or "gbp" or "pounds" or "pounds sterling" => "GBP",
        "¥" or "jpy" or "yen" => "JPY",
        "rmb" or "cny" or "yuan" or "renminbi" => "CNY",
        "c$" or "cad" => "CAD",
        "a$" or "aud" => "AUD",
        "chf" => "CHF",
        "inr" or "rupees" or "rupee" or "rs" or "rs." => "INR",
        "myr" or "rm" or "ringgit" => "MYR",
        "bdt" or "taka" => "BDT",
        "krw" or "won" => "KRW",
        _ => null,
    };

    private static decimal Scale(string scale) => scale.ToLowerInvariant() switch
    {
        "trillion" or "tn" or "tr" => 1_000_000_000_000m,
        "billion" or "bn" or "b" => 1_000_000_000m,
        "million" or "mn" or "m" or "mln" => 1_000_000m,
        "thousand" or "k" => 1_000m,
        _ => 1m,
    };

    [GeneratedRegex(
        @"(?:(?<pre>US\$|C\$|A\$|\$|€|£|¥|\b(?:USD|EUR|GBP|JPY|CNY|RMB|CAD|AUD|CHF|INR|KRW))\s?(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<s>trillion|billion|million|thousand|mln|bn|mn|tn|tr|[bmk])\b)?"
        + @"|(?<![\w$€£¥])(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?:(?<s>trillion|billion|million|thousand|bn|mn)\s+)?(?<post>(?:US\s)?dollars|euros|pounds|yuan|renminbi|yen|rupees|won)\b)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Amount();
}
