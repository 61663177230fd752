using System.CommandLine;
using TradeAlertBot.Core.Classification;
using TradeAlertBot.Core.Evaluation;

namespace TradeAlertBot.Cli;

/// <summary>
/// <c>eval --jsonl FILE [--split all|tune|check|both] [--rules PATH] [--markdown] [--misfiled N] [--doc FILE]</c>: classifies
/// labelled items (the corpus shape: id, title, body, published, labels) and prints precision, recall and F1 per
/// category, the confusion table and the misfiled items with the rule terms that fired.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var jsonl = new Option<string>("--jsonl") { Description = "Labelled items, one JSON object per line (- for standard input).", Required = true };
        var split = new Option<string>("--split") { Description = "all (default), tune, check (the deterministic 70/30 split by item id) or both (tune, then check).", DefaultValueFactory = _ => "all" };
        split.AcceptOnlyFromAmong("all", "tune", "check", "both");
        var rules = new Option<string>("--rules") { Description = "A .rule file or folder; default: the service's rules (its database), else the built-in pack." };
        var markdown = new Option<bool>("--markdown") { Description = "Print the score and confusion tables as Markdown." };
        var misfiled = new Option<int>("--misfiled") { Description = "List at most N misfiled items (default 50).", DefaultValueFactory = _ => 50 };
        var doc = new Option<string>("--doc") { Description = "Write the Markdown tables into FILE between <!-- eval STEM SPLIT --> and <!-- /eval --> (STEM: the input file's name)." };

        var command = new Command("eval", "Measure the rules on labelled items: precision, recall, F1, confusion, misfiled items.")
        {
            jsonl, split, rules, markdown, misfiled, doc,
        };
        command.SetAction(async (result, ct) =>
        {
            IReadOnlyList<LabelledExample> items;
            try
            {
                using var reader = console.OpenInput(result.GetRequiredValue(jsonl));
                items = LabelledExample.Load(reader);
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                console.Error.WriteLine($"eval: {e.Message}");
                return 2;
            }

            var ruleSet = await RuleSource.LoadAsync(result.GetValue(rules), console, ct);
            if (ruleSet is null)
            {
                return 2;
            }

            var classifier = new ItemClassifier(ruleSet);
            var rulesByName = ruleSet.Rules.ToDictionary(r => r.Name);
            var splitName = result.GetValue(split)!;
            var parts = splitName switch
            {
                "tune" => [CorpusPart.Tune],
                "check" => [CorpusPart.Check],
                "both" => [CorpusPart.Tune, CorpusPart.Check],
                _ => Array.Empty<CorpusPart>(),
            };
            var reports = parts.Length == 0
                ? [(Title: $"{items.Count} items", Report: Evaluate(items))]
                : parts.Select(part =>
                {
                    var report = Evaluate([.. items.Where(i => CorpusSplit.Of(i.Id) == part)]);
                    return (Title: $"{part.ToString().ToLowerInvariant()} part ({report.ItemCount} items)", Report: report);
                }).ToArray();

            if (result.GetValue(doc) is { } docPath)
            {
                var stem = Path.GetFileNameWithoutExtension(result.GetRequiredValue(jsonl));
                var block = string.Concat(reports.Select(r => $"**{r.Title}**\n\n{ReportFormat.Markdown(r.Report)}\n"));
                return MarkdownBlock.Replace(docPath, $"eval {stem} {splitName}", block, console) ? 0 : 2;
            }

            foreach (var (title, report) in reports)
            {
                if (reports.Length > 1)
                {
                    console.Out.WriteLine($"== {title}");
                }

                console.Out.Write(result.GetValue(markdown)
                    ? ReportFormat.Markdown(report)
                    : ReportFormat.Text(report, result.GetValue(misfiled),
                        (item, category) => rulesByName.TryGetValue(category, out var rule) ? MissExplainer.Explain(rule, item.Title, item.Body) : "no rule of that name"));
            }

            return 0;

            EvaluationReport Evaluate(IReadOnlyList<LabelledExample> part) =>
                EvaluationReport.Run(part, i => classifier.Categorize(i.Title, i.Body));
        });
        return command;
    }
}
