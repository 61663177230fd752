namespace TradeAlertBot.Core.Text;

/// <summary>
/// Splits text into folded words with source offsets, word positions and sentence numbers.
/// Words are runs of letters and digits; hyphens and most punctuation separate words; a possessive "'s" is
/// dropped ("China's" → "china"); dotted initialisms fold to one word ("U.S." → "us"); numbers keep their
/// decimal point or thousands separators ("2.5", "1,000").
/// </summary>
public static class Tokenizer
{
    private static readonly HashSet<string> Abbreviations =
    [
        "mr", "mrs", "ms", "dr", "st", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "sen", "rep", "gen", "approx", "est", "fig",
    ];

    /// <summary>Tokenizes <paramref name="text"/>.</summary>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 6 + 1);
        var sentence = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                // Only a sentence that has words can end: ".\n\n" counts once.
                if (tokens.Count > 0 && tokens[^1].Sentence == sentence && EndsSentence(text, i, tokens))
                {
                    sentence++;
                }

                i++;
                continue;
            }

            var start = i;
            var word = ReadWord(text, ref i);
            tokens.Add(new Token(word, start, i, tokens.Count, sentence));
        }

        return tokens;
    }

    private static string ReadWord(string text, ref int i)
    {
        var start = i;
        if (TryReadInitialism(text, ref i, out var initialism))
        {
            return initialism;
        }

        var numeric = char.IsDigit(text[i]);
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                i++;
                continue;
            }

            // "2.5", "1,000": a separator between digits stays inside a number.
            if (numeric && c is '.' or ',' && i + 1 < text.Length && char.IsDigit(text[i + 1]) && char.IsDigit(text[i - 1]))
            {
                i++;
                continue;
            }

            break;
        }

        var end = i;
        // Possessive: "China's", "China’s" → "china"; the "'s" is skipped.
        if (i + 1 < text.Length && TextFolding.Fold(text[i]) == '\'' && text[i + 1] is 's' or 'S'
            && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])))
        {
            i += 2;
        }

        return Fold(text, start, end);
    }

    // "U.S.", "E.U.", "U.K." : single letters each followed by a period.
    private static bool TryReadInitialism(string text, ref int i, out string word)
    {
        word = "";
        var j = i;
        var letters = 0;
        while (j + 1 < text.Length && char.IsLetter(text[j]) && text[j + 1] == '.'
               && (j == i || !char.IsLetterOrDigit(text[j - 1]) || text[j - 1] == '.'))
        {
            if (j + 2 < text.Length && char.IsLetter(text[j + 2]) && (j + 3 >= text.Length || text[j + 3] != '.'))
            {
                // "a.b" followed by more letters is not an initialism (e.g. "e.coli" or a URL).
                break;
            }

            letters++;
            j += 2;
        }

        if (letters < 2)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[letters];
        for (var k = 0; k < letters; k++)
        {
            buffer[k] = TextFolding.Fold(text[i + 2 * k]);
        }

        word = new string(buffer);
        i = j;
        return true;
    }

    private static string Fold(string text, int start, int end) =>
        string.Create(end - start, (text, start), static (span, state) =>
        {
            for (var k = 0; k < span.Length; k++)
            {
                span[k] = TextFolding.Fold(state.text[state.start + k]);
            }
        });

    private static bool EndsSentence(string text, int i, List<Token> tokens)
    {
        var c = text[i];
        if (c == '\n')
        {
            // A blank line (paragraph break) ends a sentence; a single line break inside a paragraph does not.
            return i + 1 < text.Length && (text[i + 1] == '\n' || (text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n'));
        }

        if (c is not ('.' or '!' or '?' or ';'))
        {
            return false;
        }

        if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && text[i + 1] is not ('"' or '\'' or '\u201D' or '\u2019' or ')'))
        {
            return false;
        }

        if (c == '.' && tokens.Count > 0)
        {
            var last = tokens[^1];
            if (last.End == i && (Abbreviations.Contains(last.Text) || (last.Text.Length == 1 && char.IsLetter(last.Text[0]))))
            {
                return false;
            }
        }

        return true;
    }
}
