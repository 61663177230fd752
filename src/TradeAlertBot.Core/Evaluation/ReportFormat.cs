using System.Globalization;
using System.Text;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Evaluation;

/// <summary>Renders an <see cref="EvaluationReport"/> as a plain-text table (terminal, test output) or Markdown (docs).</summary>
public static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The score table, the confusion table and up to <paramref name="misfileLimit"/> misfiled items with why.</summary>
    /// <paramref name="whyMissed"/> (item, category) says why a category's rule did not match, when given.
    public static string Text(EvaluationReport report, int misfileLimit = int.MaxValue, Func<LabelledExample, string, string?>? whyMissed = null)
    {
        var width = Math.Max(18, report.Categories.Append(LabelledExample.None).Max(c => c.Length) + 2);
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"{report.ItemCount} items");
        text.AppendLine(Invariant, $"{"category".PadRight(width)}{"support",8}{"precision",11}{"recall",8}{"F1",7}{"TP",6}{"FP",5}{"FN",5}");
        foreach (var s in report.Scores)
        {
            text.AppendLine(Invariant,
                $"{s.Category.PadRight(width)}{s.Support,8}{s.Precision,11:0.000}{s.Recall,8:0.000}{s.F1,7:0.000}{s.TruePositives,6}{s.FalsePositives,5}{s.FalseNegatives,5}");
        }

        text.AppendLine();
        text.AppendLine("confusion (rows: labelled, columns: filed; an item counts once per label pair)");
        var columns = report.Categories.Append(LabelledExample.None).ToArray();
        text.Append("".PadRight(width));
        foreach (var c in columns)
        {
            text.Append(c.PadLeft(width));
        }

        text.AppendLine();
        foreach (var row in columns)
        {
            text.Append(row.PadRight(width));
            foreach (var column in columns)
            {
                text.Append(report.Confusion(row, column).ToString(Invariant).PadLeft(width));
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine(Invariant, $"misfiled: {report.Misfiles.Count}");
        foreach (var misfile in report.Misfiles.Take(misfileLimit))
        {
            AppendMisfile(text, misfile, whyMissed);
        }

        return text.ToString();
    }

    /// <summary>The score and confusion tables as Markdown.</summary>
    public static string Markdown(EvaluationReport report)
    {
        var text = new StringBuilder();
        text.AppendLine("| category | items | precision | recall | F1 | TP | FP | FN |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in report.Scores)
        {
            text.AppendLine(Invariant,
                $"| {s.Category} | {s.Support} | {s.Precision:0.00} | {s.Recall:0.00} | {s.F1:0.00} | {s.TruePositives} | {s.FalsePositives} | {s.FalseNegatives} |");
        }

        text.AppendLine();
        var columns = report.Categories.Append(LabelledExample.None).ToArray();
        text.AppendLine($"| labelled ↓ / filed → | {string.Join(" | ", columns)} |");
        text.AppendLine($"| --- |{string.Concat(columns.Select(_ => " ---: |"))}");
        foreach (var row in columns)
        {
            text.AppendLine($"| {row} | {string.Join(" | ", columns.Select(c => report.Confusion(row, c).ToString(Invariant)))} |");
        }

        return text.ToString();
    }

    private static void AppendMisfile(StringBuilder text, Misfile misfile, Func<LabelledExample, string, string?>? whyMissed)
    {
        var item = misfile.Item;
        var labels = item.Labels.Count == 0 ? LabelledExample.None : string.Join(", ", item.Labels);
        text.AppendLine(Invariant, $"- {item.Id} \"{Clip(item.Title, 100)}\" (labelled: {labels})");
        foreach (var category in misfile.Missed)
        {
            var fired = misfile.Matches.Select(m => m.Rule).ToArray();
            var why = whyMissed?.Invoke(item, category) ?? "its rule did not match";
            text.AppendLine(Invariant,
                $"    missed {category}: {why}{(fired.Length == 0 ? "; no rule fired" : $"; fired: {string.Join(", ", fired)}")}");
        }

        foreach (var category in misfile.Wrong)
        {
            var match = misfile.Matches.First(m => m.Rule == category);
            text.AppendLine(Invariant, $"    wrongly {category}: {Evidence(match)}");
        }
    }

    private static string Evidence(RuleMatch match) =>
        string.Join(", ", match.Hits.Take(8).Select(h => $"{h.Field.ToString().ToLowerInvariant()}:\"{Clip(h.Term, 40)}\"@{h.Start}"))
        + (match.Hits.Count > 8 ? $" (+{match.Hits.Count - 8} more)" : "");

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
