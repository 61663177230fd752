using System.Globalization;
using System.Text;

namespace TradeAlertBot.Core.Text;

/// <summary>
/// Folds text for matching: lower case, diacritics removed, typographic quotes and dashes made ASCII.
/// Every character maps to exactly one character, so offsets in folded text are offsets in the original.
/// </summary>
public static class TextFolding
{
    // Latin-1 Supplement through Latin Extended-B, where nearly all accented letters in news text live.
    private const int TableStart = 0x00C0;
    private const int TableEnd = 0x0250;
    private static readonly char[] LatinTable = BuildLatinTable();

    /// <summary>Folds one character (see the type's summary).</summary>
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        if (c is >= (char)TableStart and < (char)TableEnd)
        {
            return LatinTable[c - TableStart];
        }

        return c switch
        {
            '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' or '\u0060' => '\'',
            '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
            '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u200A' => ' ',
            _ => char.ToLowerInvariant(c),
        };
    }

    /// <summary>Folds a whole string; the result has the same length as the input.</summary>
    public static string Fold(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });

    private static char[] BuildLatinTable()
    {
        var table = new char[TableEnd - TableStart];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)(TableStart + i);
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark
                ? decomposed[0]
                : c;
            table[i] = char.ToLowerInvariant(baseChar);
        }

        return table;
    }
}
