namespace TradeAlertBot.Core.Extraction;

/// <summary>
/// Harmonized System codes as digits: 2 (chapter), 4 (heading), 6 (subheading), 8 or 10 (national tariff lines).
/// Written forms ("8541.43", "8541.43.0010", "854143", "8541 43 00") come down to one string of digits, so a
/// shorter code covers a longer one by plain prefix.
/// </summary>
public static class HsCode
{
    /// <summary>
    /// The digits of a written code (dots and spaces between digit groups dropped), or null when it is not a code:
    /// other characters, a length other than 2, 4, 6, 8 or 10, or chapter 00.
    /// </summary>
    public static string? Normalize(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }

        var digits = new System.Text.StringBuilder(10);
        foreach (var c in written.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not ('.' or ' '))
            {
                return null;
            }
        }

        var code = digits.ToString();
        return code.Length is 2 or 4 or 6 or 8 or 10 && !code.StartsWith("00", StringComparison.Ordinal) ? code : null;
    }

    /// <summary>The usual dotted form: "85", "8541", "8541.43", "8541.43.00", "8541.43.00.10".</summary>
    public static string Format(string digits)
    {
        if (digits.Length <= 4)
        {
            return digits;
        }

        var parts = new List<string> { digits[..4] };
        for (var i = 4; i < digits.Length; i += 2)
        {
            parts.Add(digits.Substring(i, Math.Min(2, digits.Length - i)));
        }

        return string.Join('.', parts);
    }

    /// <summary>How a code is shown among an item's products: "HS 8541.43", "HS chapter 85".</summary>
    public static string Describe(string digits) => digits.Length == 2 ? $"HS chapter {digits}" : $"HS {Format(digits)}";

    /// <summary>True when <paramref name="broader"/> covers <paramref name="narrower"/> (equal, or a prefix of it).</summary>
    public static bool Covers(string broader, string narrower) => narrower.StartsWith(broader, StringComparison.Ordinal);
}
