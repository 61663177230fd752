using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Evaluation;

/// <summary>
/// Precision, recall and F1 per category, the confusion between categories and the misfiled items of one run of a
/// classifier over labelled items. Categories are multi-label: an item counts once for every label it has.
/// </summary>
public sealed class EvaluationReport
{
    private readonly Dictionary<(string Expected, string Predicted), int> _confusion;

    private EvaluationReport(IReadOnlyList<string> categories, int items, IReadOnlyList<CategoryScore> scores,
        Dictionary<(string, string), int> confusion, IReadOnlyList<Misfile> misfiles)
    {
        Categories = categories;
        ItemCount = items;
        Scores = scores;
        _confusion = confusion;
        Misfiles = misfiles;
    }

    /// <summary>The categories measured: those the labels use, sorted, unless given.</summary>
    public IReadOnlyList<string> Categories { get; }

    public int ItemCount { get; }

    public IReadOnlyList<CategoryScore> Scores { get; }

    public IReadOnlyList<Misfile> Misfiles { get; }

    /// <summary>
    /// Items labelled <paramref name="expected"/> (or <see cref="LabelledExample.None"/>) that were filed under
    /// <paramref name="predicted"/> (or nothing measured: <see cref="LabelledExample.None"/>).
    /// </summary>
    public int Confusion(string expected, string predicted) => _confusion.GetValueOrDefault((expected, predicted));

    public CategoryScore Score(string category) => Scores.First(s => s.Category == category);

    /// <summary>
    /// Runs <paramref name="classify"/> over every item. Matches for rules outside <paramref name="categories"/>
    /// (e.g. an admin's watch rules) are kept as evidence but not scored.
    /// </summary>
    public static EvaluationReport Run(IReadOnlyList<LabelledExample> items,
        Func<LabelledExample, IReadOnlyList<RuleMatch>> classify, IReadOnlyList<string>? categories = null)
    {
        categories ??= [.. items.SelectMany(i => i.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var measured = categories.ToHashSet(StringComparer.Ordinal);
        var counts = categories.ToDictionary(c => c, _ => (Support: 0, Tp: 0, Fp: 0, Fn: 0), StringComparer.Ordinal);
        var confusion = new Dictionary<(string, string), int>();
        var misfiles = new List<Misfile>();

        foreach (var item in items)
        {
            var matches = classify(item);
            var predicted = matches.Select(m => m.Rule).Where(measured.Contains).Distinct(StringComparer.Ordinal).ToArray();
            var expected = item.Labels.Where(measured.Contains).ToArray();
            foreach (var category in categories)
            {
                var (isExpected, isPredicted) = (expected.Contains(category), predicted.Contains(category));
                var c = counts[category];
                counts[category] = (c.Support + (isExpected ? 1 : 0), c.Tp + (isExpected && isPredicted ? 1 : 0),
                    c.Fp + (!isExpected && isPredicted ? 1 : 0), c.Fn + (isExpected && !isPredicted ? 1 : 0));
            }

            foreach (var e in expected.DefaultIfEmpty(LabelledExample.None))
            {
                foreach (var p in predicted.DefaultIfEmpty(LabelledExample.None))
                {
                    confusion[(e, p)] = confusion.GetValueOrDefault((e, p)) + 1;
                }
            }

            var missed = expected.Except(predicted).ToArray();
            var wrong = predicted.Except(expected).ToArray();
            if (missed.Length + wrong.Length > 0)
            {
                misfiles.Add(new Misfile(item, missed, wrong, matches));
            }
        }

        var scores = categories.Select(c => new CategoryScore(c, counts[c].Support, counts[c].Tp, counts[c].Fp, counts[c].Fn)).ToArray();
        return new EvaluationReport(categories, items.Count, scores, confusion, misfiles);
    }
}
