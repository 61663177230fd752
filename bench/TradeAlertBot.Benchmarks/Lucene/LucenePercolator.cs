using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index.Memory;
using Lucene.Net.Search;
using Lucene.Net.Util;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Benchmarks.Lucene;

/// <summary>
/// The usual Lucene way to match many stored queries against one incoming document (what Elasticsearch's
/// percolator and Luwak do at their core): index the item alone in a <see cref="MemoryIndex"/>, then run every
/// rule's query on it. Words are split by StandardTokenizer and lower-cased, which on the synthetic corpus gives
/// the same words as the matcher's tokenizer (the benchmark checks both find the same matches).
/// Not thread-safe: one instance per thread.
/// </summary>
public sealed class LucenePercolator(IEnumerable<Rule> rules)
{
    private static readonly Analyzer Words = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
        return new TokenStreamComponents(source, new LowerCaseFilter(LuceneVersion.LUCENE_48, source));
    });

    private readonly Query[] _queries = [.. rules.Select(LuceneQueries.From)];
    private readonly MemoryIndex _index = new();

    /// <summary>How many rules match the item.</summary>
    public int CountMatches(string title, string body)
    {
        _index.Reset();
        _index.AddField(LuceneQueries.Title, title, Words);
        _index.AddField(LuceneQueries.Body, body, Words);
        // One searcher per item, not MemoryIndex.Search per query (which builds a searcher each call), and a hit
        // counter instead of scoring: Lucene at its cheapest for "does it match".
        var searcher = _index.CreateSearcher();
        var matches = 0;
        foreach (var query in _queries)
        {
            var hits = new TotalHitCountCollector();
            searcher.Search(query, hits);
            if (hits.TotalHits > 0)
            {
                matches++;
            }
        }

        return matches;
    }
}
