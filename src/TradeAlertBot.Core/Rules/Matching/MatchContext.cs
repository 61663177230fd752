using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Core.Rules.Matching;

/// <summary>
/// Per-document working state of one <see cref="RuleSet"/> match, reused across documents on the same thread so
/// matching allocates little: term occurrences, the candidate rules their trigger terms point to, list pools.
/// </summary>
internal sealed class MatchContext(int termCount, int[][] rulesByTriggerTerm, int ruleCount)
{
    private readonly List<Occurrence>?[] _byTerm = new List<Occurrence>?[termCount];
    private readonly List<int> _touched = [];
    private readonly int[] _ruleStamp = new int[ruleCount];
    private readonly Stack<List<Occurrence>> _pool = new();
    private int _generation;

    public Document Document { get; private set; } = null!;

    public List<int> Candidates { get; } = [];

    public void Begin(Document document)
    {
        foreach (var id in _touched)
        {
            _byTerm[id]!.Clear();
        }

        _touched.Clear();
        Candidates.Clear();
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_ruleStamp);
            _generation = 1;
        }

        Document = document;
    }

    public void Record(int termId, Occurrence occurrence)
    {
        var list = _byTerm[termId] ??= [];
        if (list.Count == 0)
        {
            _touched.Add(termId);
            foreach (var rule in rulesByTriggerTerm[termId])
            {
                if (_ruleStamp[rule] != _generation)
                {
                    _ruleStamp[rule] = _generation;
                    Candidates.Add(rule);
                }
            }
        }

        // Beyond the cap a term's occurrences add nothing a rule needs (ATLEAST counts to 100 at most) but cost
        // memory and proximity work on hostile text; the first ones (title before body) are kept.
        if (list.Count < RuleSet.MaxOccurrencesPerTerm)
        {
            list.Add(occurrence);
        }
    }

    public ReadOnlySpan<Occurrence> Occurrences(int termId) =>
        _byTerm[termId] is { Count: > 0 } list ? System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list) : [];

    public int Sentence(Occurrence occurrence) => Words(occurrence.Field)[occurrence.First].Sentence;

    public IReadOnlyList<Token> Words(Field field) => field == Field.Title ? Document.TitleWords : Document.BodyWords;

    public List<Occurrence> RentList() => _pool.Count > 0 ? _pool.Pop() : [];

    public void ReturnList(List<Occurrence> list)
    {
        list.Clear();
        _pool.Push(list);
    }
}
