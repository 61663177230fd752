using TradeAlertBot.Benchmarks.Workload;

namespace TradeAlertBot.Benchmarks.Ingest;

/// <summary>
/// The ingest benchmarks' feeds: synthetic text, with one item in five a real trade story (from a small set, made
/// unique per feed) so that classification, story grouping and routing all do real work.
/// </summary>
internal static class IngestWorkload
{
    private static readonly string[] Trade =
    [
        "{0} imposes {1}% tariffs on imported steel from {2}",
        "{0} adds {1} companies from {2} to its Entity List",
        "{0} extends tariff exclusions for {1} products from {2}",
        "{0} opens anti-dumping investigation into {2} aluminium, margin {1}%",
    ];

    private static readonly string[] Countries = ["China", "Vietnam", "Mexico", "Canada", "India", "Japan", "Brazil", "Turkey"];

    /// <summary>
    /// RSS documents for <paramref name="feeds"/> feeds. With <paramref name="twinStories"/>, feeds 2k and 2k+1 carry
    /// the same trade stories (same title and text, their own GUIDs), as two outlets report one story: both are
    /// polled at about the same moment, so on several nodes the two reports race to found the story.
    /// </summary>
    public static byte[][] BuildFeeds(int feeds, int itemsPerFeed, bool twinStories = false)
    {
        var corpus = new SyntheticCorpus(vocabularySize: 20_000, seed: 7);
        var random = new Random(8);
        var documents = new byte[feeds][];
        List<(string Guid, string Title, string Body)> previous = [];
        for (var f = 0; f < feeds; f++)
        {
            var items = new List<(string Guid, string Title, string Body)>(itemsPerFeed);
            for (var i = 0; i < itemsPerFeed; i++)
            {
                var (title, body) = corpus.NextItem(random, bodyChars: 1_500);
                if (i % 5 == 0 && twinStories && f % 2 == 1)
                {
                    (_, title, body) = previous[i];
                }
                else if (i % 5 == 0)
                {
                    title = string.Format(System.Globalization.CultureInfo.InvariantCulture, Trade[(f + i) % Trade.Length],
                        Countries[f % Countries.Length], 10 + (f * 7 + i) % 90, Countries[(f + i + 3) % Countries.Length]) + $" (notice {f}-{i})";
                    body = title + ". " + body;
                }

                items.Add(($"f{f}-i{i}", title, body));
            }

            documents[f] = BenchFeedServer.Rss($"Bench feed {f}", items);
            previous = items;
        }

        return documents;
    }

    /// <summary>Items that should found a story of their own: all but the second report of each twin story.</summary>
    public static int DistinctStories(int feeds, int itemsPerFeed, bool twinStories) =>
        feeds * itemsPerFeed - (twinStories ? feeds / 2 * ((itemsPerFeed + 4) / 5) : 0);
}
