using TradeAlertBot.Core.Rules.Nodes;

namespace TradeAlertBot.Core.Rules.Matching;

/// <summary>
/// Every distinct term of every rule, and the multi-pattern index over them: one dictionary of exact first
/// words and one of first-word prefixes. A document is scanned once, word by word, against this index — never
/// rule by rule.
/// </summary>
internal sealed class TermTable
{
    private readonly Dictionary<string, int> _ids = [];
    private readonly List<TermWord[]> _terms = [];
    private readonly Dictionary<string, List<int>> _byExactFirstWord = [];
    private readonly Dictionary<string, List<int>> _byPrefixFirstWord = [];
    private Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;
    private const int MaxCachedWords = 200_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> _firstWordCache = new(StringComparer.Ordinal);
    private int _minPrefix = int.MaxValue;
    private int _maxPrefix;

    public TermTable()
    {
        _exactLookup = _byExactFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLookup = _byPrefixFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _terms.Count;

    public int Add(TermNode term)
    {
        if (_ids.TryGetValue(term.Key, out var id))
        {
            return id;
        }

        id = _terms.Count;
        _ids.Add(term.Key, id);
        var words = term.Words.ToArray();
        _terms.Add(words);
        var first = words[0];
        var index = first.IsPrefix ? _byPrefixFirstWord : _byExactFirstWord;
        if (!index.TryGetValue(first.Text, out var list))
        {
            index[first.Text] = list = [];
        }

        list.Add(id);
        if (first.IsPrefix)
        {
            _minPrefix = Math.Min(_minPrefix, first.Text.Length);
            _maxPrefix = Math.Max(_maxPrefix, first.Text.Length);
        }

        return id;
    }

    /// <summary>The first word of a term, folded (a prefix for a wildcard).</summary>
    public string FirstWord(int termId) => _terms[termId][0].Text;

    /// <summary>A guess at how rare a term is (higher = rarer): its length in characters, words counting extra.</summary>
    public int Selectivity(int termId)
    {
        var words = _terms[termId];
        var length = words.Length * 4;
        foreach (var w in words)
        {
            length += w.IsPrefix ? w.Text.Length - 2 : w.Text.Length;
        }

        return length;
    }

    /// <summary>Finds every term occurrence starting at word <paramref name="i"/> of <paramref name="words"/>.</summary>
    public void FindAt(IReadOnlyList<Text.Token> words, int i, Field field, MatchContext found)
    {
        var candidates = FirstWordMatches(words[i].Text);
        if (candidates.Length > 0)
        {
            Verify(candidates, words, i, field, found);
        }
    }

    // The terms whose first word matches a given word (exactly or by prefix), remembered per word: news vocabulary
    // repeats, so after warm-up each document word costs one lookup however many wildcard prefixes the rules have.
    private int[] FirstWordMatches(string word)
    {
        if (_firstWordCache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var matches = new List<int>();
        if (_exactLookup.TryGetValue(word, out var exact))
        {
            matches.AddRange(exact);
        }

        var longest = Math.Min(word.Length, _maxPrefix);
        for (var length = _minPrefix; length <= longest; length++)
        {
            if (_prefixLookup.TryGetValue(word.AsSpan(0, length), out var prefixed))
            {
                matches.AddRange(prefixed);
            }
        }

        if (_firstWordCache.Count >= MaxCachedWords)
        {
            _firstWordCache.Clear(); // bounded memory on unbounded input (numbers, names, typos)
        }

        return _firstWordCache[word] = [.. matches];
    }

    private void Verify(int[] candidates, IReadOnlyList<Text.Token> words, int i, Field field, MatchContext found)
    {
        foreach (var id in candidates)
        {
            var term = _terms[id];
            if (i + term.Length > words.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 1; k < term.Length && matches; k++)
            {
                matches = WordMatches(term[k], words[i + k].Text);
            }

            if (matches)
            {
                found.Record(id, new Occurrence(field, i, i + term.Length - 1));
            }
        }
    }

    public static bool WordMatches(TermWord pattern, string word) =>
        pattern.IsPrefix ? word.StartsWith(pattern.Text, StringComparison.Ordinal) : word == pattern.Text;
}
