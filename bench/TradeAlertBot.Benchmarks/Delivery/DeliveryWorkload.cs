using System.Globalization;
using System.Text.RegularExpressions;
using TradeAlertBot.Benchmarks.Ingest;
using TradeAlertBot.Benchmarks.Workload;

namespace TradeAlertBot.Benchmarks.Delivery;

/// <summary>
/// Feeds of distinct tariff stories, all in category new-tariffs: the headline shape, countries, product and rate
/// vary, each carries a unique notice number and code word, and each body is fresh synthetic text, so the story
/// fingerprint keeps every item its own story (the run checks stories = items).
/// </summary>
internal static partial class DeliveryWorkload
{
    private static readonly string[] Headlines =
    [
        "{0} imposes {1}% tariffs on imported {3} from {2}",
        "{0} raises duties on {3} from {2} to {1}%",
        "{0} announces additional {1}% levy on {3} imports from {2}",
        "{0} slaps {1}% punitive tariffs on {2} {3}",
    ];

    private static readonly string[] Countries =
        ["China", "Vietnam", "Mexico", "Canada", "India", "Japan", "Brazil", "Turkey", "Chile", "Egypt", "Kenya", "Peru", "Norway"];

    private static readonly string[] Products =
        ["steel", "aluminium", "copper wire", "solar panels", "electric vehicles", "furniture", "shrimp", "tyres", "glassware",
         "paper", "ceramic tiles", "bicycles", "honey", "plywood", "batteries", "textiles", "wine", "rice"];

    /// <summary>RSS documents: <paramref name="items"/> stories over <paramref name="feeds"/> feeds (item k in feed k mod feeds).</summary>
    public static byte[][] BuildFeeds(int items, int feeds)
    {
        var corpus = new SyntheticCorpus(vocabularySize: 20_000, seed: 11);
        var random = new Random(12);
        var perFeed = Enumerable.Range(0, feeds).Select(_ => new List<(string, string, string)>()).ToArray();
        for (var k = 0; k < items; k++)
        {
            var title = string.Format(CultureInfo.InvariantCulture, Headlines[k % Headlines.Length],
                Countries[k % Countries.Length], 5 + k * 7 % 95, Countries[(k / Countries.Length + k + 1) % Countries.Length],
                Products[k / Headlines.Length % Products.Length]) + $" (notice {k}, code {CodeWord(k)})";
            var (_, text) = corpus.NextItem(random, bodyChars: 600);
            perFeed[k % feeds].Add(($"d{k}", title, $"{title}. {text}"));
        }

        return [.. perFeed.Select((list, f) => BenchFeedServer.Rss($"Delivery bench feed {f}", list))];
    }

    /// <summary>The item number in an alert's text ("notice 17"), or null for a digest or a foreign message.</summary>
    public static int? ItemOf(string text) =>
        Notice().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    // A pronounceable word unique to the item ("bakedo"), so no two items share all their rare words.
    private static string CodeWord(int k)
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        var word = new System.Text.StringBuilder();
        do
        {
            word.Append(consonants[k % consonants.Length]).Append(vowels[k / consonants.Length % vowels.Length]);
            k /= consonants.Length * vowels.Length;
        }
        while (k > 0);
        return word.ToString();
    }

    [GeneratedRegex(@"\(notice (\d+),")]
    private static partial Regex Notice();
}
