using System.Text.RegularExpressions;

namespace TradeAlertBot.Core.Extraction;

/// <summary>
/// HS/HTS codes written in text, as digits (<see cref="HsCode"/>). A number counts only where it cannot be anything
/// else: after a tariff word ("HS 854143", "heading 8541", "HTSUS subheadings 8541.43 and 8541.49", "tariff item
/// 8541.43.0010"), in the three-or-more-group dotted form no amount takes ("8541.43.00"), as four-and-two dotted digits
/// in a sentence that names a classification, and as chapters ("Chapter 85", "chapters 84 and 85") in a sentence about
/// goods or tariffs that is not about bankruptcy or a trade agreement's chapters. Years, amounts, index levels, phone
/// numbers, docket numbers ("2025-01234") and CFR parts ("15 CFR 744") are not codes.
/// </summary>
public static partial class HsCodeExtractor
{
    /// <summary>Each code found: its digits, the text as written and where it starts.</summary>
    public static IEnumerable<(string Code, string Text, int Index)> Extract(string text)
    {
        var found = new List<(string Code, string Text, int Index)>();
        foreach (Match m in Listed().Matches(text))
        {
            foreach (Capture c in m.Groups["code"].Captures)
            {
                Add(found, c.Value, c.Index);
            }
        }

        foreach (Match m in Dotted().Matches(text))
        {
            var groups = m.Value.Count(ch => ch == '.') + 1;
            if (groups >= 3 || ClassificationWord().IsMatch(SentenceBefore(text, m.Index)))
            {
                Add(found, m.Value, m.Index);
            }
        }

        foreach (Match m in Chapters().Matches(text))
        {
            var sentence = Sentence(text, m.Index, m.Length);
            if (GoodsWord().IsMatch(sentence) && !NotGoods().IsMatch(sentence))
            {
                foreach (Capture c in m.Groups["chapter"].Captures)
                {
                    Add(found, c.Value.PadLeft(2, '0'), c.Index);
                }
            }
        }

        return found.DistinctBy(f => f.Index).OrderBy(f => f.Index);
    }

    private static void Add(List<(string, string, int)> found, string written, int index)
    {
        if (HsCode.Normalize(written) is { } code)
        {
            found.Add((code, written, index));
        }
    }

    // The sentence up to the match: a classification word must come before the code it introduces.
    private static string SentenceBefore(string text, int index)
    {
        var start = Math.Max(0, index - 160);
        var window = text[start..index];
        var end = SentenceEnd().Matches(window).LastOrDefault();
        return end is null ? window : window[(end.Index + end.Length)..];
    }

    private static string Sentence(string text, int index, int length)
    {
        var after = text[(index + length)..Math.Min(text.Length, index + length + 160)];
        var end = SentenceEnd().Match(after);
        return SentenceBefore(text, index) + text.Substring(index, length) + (end.Success ? after[..end.Index] : after);
    }

    private const string Code = @"(?<code>\d{4}(?:\.\d{2}(?:\.\d{2,4}){0,2})?|\d{6}(?:\d{2}){0,2})(?![\d%]|[.,-]\d)";

    // A tariff word, then one code or a list of them ("8541.43, 8541.49 and 8542.31", "8541.10 through 8541.90").
    [GeneratedRegex(@"(?<![\w-])(?:(?:HS|HTS|HTSUS|HTSA)(?:\s+(?i:codes?|(?:sub)?headings?|items?|numbers?|lines?|classifications?|chapters?))?|(?i:(?:sub)?headings?|tariff\s+(?:items?|codes?|lines?|numbers?|(?:sub)?headings?)|commodity\s+codes?))(?:\s*(?i:no\.|nos\.|number)?\s*:?\s*)"
        + Code + @"(?:\s*(?:,|;|/|,?\s*and|,?\s*or|through|to|-)\s*" + Code + ")*")]
    private static partial Regex Listed();

    // Dotted digits not part of a larger number, an amount or a version ("$1234.56", "1,234.56", "v2.1.0").
    [GeneratedRegex(@"(?<![\d.,$€£¥\w-])\d{4}\.\d{2}(?:\.\d{2,4}){0,2}(?![\d%]|[.,-]\d)(?!\s*(?i:percent|per\s+cent|points?|pts|million|billion|bn|m\b))")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"(?<![\w-])(?i:chapters?)\s+(?<chapter>\d{1,2})(?!\d|[.-]\d)(?:\s*(?:,|,?\s*and|,?\s*or|through|to|-)\s*(?<chapter>\d{1,2})(?!\d|[.-]\d))*")]
    private static partial Regex Chapters();

    [GeneratedRegex(@"\b(?:HS|HTS|HTSUS|HTSA)\b|(?i:\b(?:(?:sub)?headings?|tariff\s+(?:items?|codes?|lines?|numbers?)|classifi(?:ed|cation)|harmoni[sz]ed)\b)")]
    private static partial Regex ClassificationWord();

    [GeneratedRegex(@"\b(?:HS|HTS|HTSUS|HTSA)\b|(?i:\b(?:tariffs?|dut(?:y|ies)|goods|products|imports?|exports?|customs|harmoni[sz]ed|schedule|classifi(?:ed|cation))\b)")]
    private static partial Regex GoodsWord();

    [GeneratedRegex(@"(?i:\b(?:bankruptcy|bankrupt|insolven\w*|creditors?|reorgani[sz]ation|USMCA|CUSMA|NAFTA|agreement|treaty|panel|dispute|book|novel)\b|\bfil(?:ed|es|ing)\s+for\b)")]
    private static partial Regex NotGoods();

    [GeneratedRegex(@"[.!?;](?=\s)|\n")]
    private static partial Regex SentenceEnd();
}
