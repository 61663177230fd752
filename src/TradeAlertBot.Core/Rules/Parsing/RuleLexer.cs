using System.Globalization;

namespace TradeAlertBot.Core.Rules.Parsing;

/// <summary>
/// Splits rule text into tokens. Operators are upper-case only (lower-case "and"/"or"/"not" are ordinary words,
/// as in Factiva); <c>#</c> starts a comment to the end of the line outside quotes.
/// </summary>
internal sealed class RuleLexer(string text)
{
    private int _index;
    private int _line = 1;
    private int _lineStart;

    public List<LexToken> Lex()
    {
        var tokens = new List<LexToken>();
        while (true)
        {
            SkipSpaceAndComments();
            if (_index >= text.Length)
            {
                tokens.Add(new LexToken(LexKind.End, "", 0, _line, Column));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    private int Column => _index - _lineStart + 1;

    private void SkipSpaceAndComments()
    {
        while (_index < text.Length)
        {
            var c = text[_index];
            if (c == '\n')
            {
                _index++;
                _line++;
                _lineStart = _index;
            }
            else if (char.IsWhiteSpace(c))
            {
                _index++;
            }
            else if (c == '#')
            {
                while (_index < text.Length && text[_index] != '\n')
                {
                    _index++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private LexToken Next()
    {
        var (line, column) = (_line, Column);
        var c = text[_index];
        switch (c)
        {
            case '(':
                _index++;
                return new LexToken(LexKind.LeftParen, "(", 0, line, column);
            case ')':
                _index++;
                return new LexToken(LexKind.RightParen, ")", 0, line, column);
            case '"' or '\u201C' or '\u201D':
                return ReadPhrase(line, column);
        }

        var start = _index;
        while (_index < text.Length && IsWordChar(text[_index]))
        {
            _index++;
        }

        var word = text[start.._index];
        if (word.Length > 1 && word[0] == '@')
        {
            return new LexToken(LexKind.CueList, word[1..], 0, line, column);
        }

        if (_index < text.Length && text[_index] == ':')
        {
            _index++;
            return new LexToken(LexKind.FieldScope, word, 0, line, column);
        }

        return Classify(word, line, column);
    }

    private static bool IsWordChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('(' or ')' or '"' or '\u201C' or '\u201D' or '#' or ':');

    private LexToken ReadPhrase(int line, int column)
    {
        _index++;
        var start = _index;
        while (_index < text.Length && text[_index] is not ('"' or '\u201C' or '\u201D'))
        {
            if (text[_index] == '\n')
            {
                throw new RuleSyntaxException(line, column, "unterminated phrase: expected '\"' before the end of the line");
            }

            _index++;
        }

        if (_index >= text.Length)
        {
            throw new RuleSyntaxException(line, column, "unterminated phrase: expected '\"'");
        }

        var phrase = text[start.._index];
        _index++;
        return new LexToken(LexKind.Phrase, phrase, 0, line, column);
    }

    private static LexToken Classify(string word, int line, int column)
    {
        switch (word)
        {
            case "AND":
                return new LexToken(LexKind.And, word, 0, line, column);
            case "OR":
                return new LexToken(LexKind.Or, word, 0, line, column);
            case "NOT":
                return new LexToken(LexKind.Not, word, 0, line, column);
            case "SAME":
                return new LexToken(LexKind.Same, word, 0, line, column);
            case "NEAR":
                return new LexToken(LexKind.Near, word, 5, line, column); // Factiva's default distance
        }

        if (word.StartsWith("NEAR/", StringComparison.Ordinal))
        {
            return new LexToken(LexKind.Near, word, Number(word, 5, 1, 100, line, column), line, column);
        }

        if (word.StartsWith("W/", StringComparison.Ordinal) || word.StartsWith("w/", StringComparison.Ordinal))
        {
            return new LexToken(LexKind.Within, word, Number(word, 2, 1, 100, line, column), line, column);
        }

        if (word.StartsWith("ATLEAST", StringComparison.Ordinal) && word.Length > 7 && char.IsDigit(word[7]))
        {
            return new LexToken(LexKind.AtLeast, word, Number(word, 7, 2, 100, line, column), line, column);
        }

        return new LexToken(LexKind.Word, word, 0, line, column);
    }

    private static int Number(string word, int offset, int min, int max, int line, int column)
    {
        var digits = word[offset..];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new RuleSyntaxException(line, column, $"expected a number after '{word[..offset]}', found \"{digits}\"");
        }

        if (n < min || n > max)
        {
            throw new RuleSyntaxException(line, column, $"'{word}': the number must be from {min} to {max}");
        }

        return n;
    }
}
