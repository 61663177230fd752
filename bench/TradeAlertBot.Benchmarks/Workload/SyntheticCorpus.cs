using System.Text;

namespace TradeAlertBot.Benchmarks.Workload;

/// <summary>
/// A seeded, synthetic news corpus: a vocabulary of pronounceable made-up words whose use follows Zipf's law
/// (as word frequencies in real news do), items of about 2 KB split into sentences, and a short title.
/// Rules drawn from the same vocabulary then see realistic selectivity: common words everywhere, rare ones seldom.
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly string[] Syllables =
    [
        "ta", "ri", "fe", "xo", "po", "lan", "mer", "cu", "di", "vo", "ne", "sa", "ki", "tor", "gal", "zu", "be",
        "mo", "res", "pi", "qua", "le", "nor", "vi", "do", "ex", "im", "sta", "tra", "ge",
    ];

    private readonly double[] _cumulative;

    public SyntheticCorpus(int vocabularySize, int seed)
    {
        var random = new Random(seed);
        var words = new HashSet<string>();
        while (words.Count < vocabularySize)
        {
            var length = random.Next(2, 5);
            var word = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                word.Append(Syllables[random.Next(Syllables.Length)]);
            }

            words.Add(word.ToString());
        }

        Vocabulary = [.. words];
        _cumulative = new double[vocabularySize];
        var total = 0.0;
        for (var rank = 0; rank < vocabularySize; rank++)
        {
            total += 1.0 / (rank + 1);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < vocabularySize; rank++)
        {
            _cumulative[rank] /= total;
        }
    }

    /// <summary>Words by frequency rank: index 0 is the most common.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    public string NextWord(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Vocabulary[index < 0 ? ~index : index];
    }

    public (string Title, string Body) NextItem(Random random, int bodyChars)
    {
        var title = Sentence(random, 8);
        var body = new StringBuilder(bodyChars + 100);
        while (body.Length < bodyChars)
        {
            body.Append(Sentence(random, random.Next(8, 20))).Append(". ");
        }

        return (title, body.ToString());
    }

    private string Sentence(Random random, int words)
    {
        var sentence = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = NextWord(random);
            sentence.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            if (i < words - 1)
            {
                sentence.Append(' ');
            }
        }

        return sentence.ToString();
    }
}
