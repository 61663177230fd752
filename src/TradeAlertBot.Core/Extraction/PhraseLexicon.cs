using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Core.Extraction;

/// <summary>
/// Finds lexicon phrases in text word by word (the text is tokenized once; each word is one dictionary lookup),
/// longest phrase first. Case-sensitive lexicons compare the source text exactly, so "US" and "Turkey" match but
/// "us" and "turkey" do not.
/// </summary>
internal sealed class PhraseLexicon
{
    private readonly Dictionary<string, List<(string[] Words, string Phrase, string Value)>> _byFirstWord = [];
    private readonly bool _caseSensitive;

    public PhraseLexicon(IEnumerable<KeyValuePair<string, string>> phrases, bool caseSensitive)
    {
        _caseSensitive = caseSensitive;
        foreach (var (phrase, value) in phrases)
        {
            var words = Tokenizer.Tokenize(phrase).Select(t => t.Text).ToArray();
            if (!_byFirstWord.TryGetValue(words[0], out var list))
            {
                _byFirstWord[words[0]] = list = [];
            }

            list.Add((words, phrase, value));
        }

        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

    /// <summary>Each match: the lexicon value, the text as written, and where it starts.</summary>
    public IEnumerable<(string Value, string Text, int Start)> Find(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(tokens[i].Text, out var candidates))
            {
                continue;
            }

            foreach (var (words, phrase, value) in candidates)
            {
                if (i + words.Length > tokens.Count || !Matches(tokens, i, words))
                {
                    continue;
                }

                var written = text[tokens[i].Start..tokens[i + words.Length - 1].End];
                if (_caseSensitive && !string.Equals(Normalize(written), phrase, StringComparison.Ordinal))
                {
                    continue;
                }

                yield return (value, written, tokens[i].Start);
                i += words.Length - 1;
                break;
            }
        }
    }

    private static bool Matches(List<Token> tokens, int i, string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            if (tokens[i + k].Text != words[k])
            {
                return false;
            }
        }

        return true;
    }

    // Typographic apostrophes and runs of spaces don't change what was written.
    private static string Normalize(string written) =>
        string.Join(' ', written.Replace('\u2019', '\'').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
