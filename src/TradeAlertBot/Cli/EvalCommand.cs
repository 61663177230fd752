using System.CommandLine;
using TradeAlertBot.Core.Classification;
using TradeAlertBot.Core.Evaluation;

namespace TradeAlertBot.Cli;

/// <summary>
/// <c>eval --jsonl FILE [--split all|tune|check] [--rules PATH] [--markdown] [--misfiled N]</c>: classifies
/// labelled items (the corpus shape: id, title, body, published, labels) and prints precision, recall and F1 per
/// category, the confusion table and the misfiled items with the rule terms that fired.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var jsonl = new Option<string>("--jsonl") { Description = "Labelled items, one JSON object per line (- for standard input).", Required = true };
        var split = new Option<string>("--split") { Description = "all (default), tune or check: the deterministic 70/30 split by item id.", DefaultValueFactory = _ => "all" };
        split.AcceptOnlyFromAmong("all", "tune", "check");
        var rules = new Option<string>("--rules") { Description = "A .rule file or folder; default: the service's rules (its database), else the built-in pack." };
        var markdown = new Option<bool>("--markdown") { Description = "Print the score and confusion tables as Markdown." };
        var misfiled = new Option<int>("--misfiled") { Description = "List at most N misfiled items (default 50).", DefaultValueFactory = _ => 50 };

        var command = new Command("eval", "Measure the rules on labelled items: precision, recall, F1, confusion, misfiled items.")
        {
            jsonl, split, rules, markdown, misfiled,
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

            items = result.GetValue(split) switch
            {
                "tune" => [.. items.Where(i => CorpusSplit.Of(i.Id) == CorpusPart.Tune)],
                "check" => [.. items.Where(i => CorpusSplit.Of(i.Id) == CorpusPart.Check)],
                _ => items,
            };
            var classifier = new ItemClassifier(ruleSet);
            var report = EvaluationReport.Run(items, i => classifier.Categorize(i.Title, i.Body));
            var rulesByName = ruleSet.Rules.ToDictionary(r => r.Name);
            console.Out.Write(result.GetValue(markdown)
                ? ReportFormat.Markdown(report)
                : ReportFormat.Text(report, result.GetValue(misfiled),
                    (item, category) => rulesByName.TryGetValue(category, out var rule) ? MissExplainer.Explain(rule, item.Title, item.Body) : "no rule of that name"));
            return 0;
        });
        return command;
    }
}
