using System.CommandLine;
using System.Text.Json;
using TradeAlertBot.Core.Classification;

namespace TradeAlertBot.Cli;

/// <summary>
/// <c>classify [--title T] [--published D] [--rules PATH] FILE|-</c> prints one JSON object for a plain-text body;
/// <c>classify --jsonl FILE|-</c> reads one <c>{"id","title","body","published"?}</c> object per line and prints
/// one result per line, in input order.
/// </summary>
internal static class ClassifyCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Argument<string>("FILE") { Description = "Input file, or - for standard input." };
        var title = new Option<string>("--title") { Description = "The item's title (plain-text mode)." };
        var published = new Option<DateOnly?>("--published") { Description = "Published date (yyyy-mm-dd) that anchors dates without a year; default today." };
        var rules = new Option<string>("--rules") { Description = "A .rule file or folder; default: the service's rules (its database), else the built-in pack." };
        var jsonl = new Option<bool>("--jsonl") { Description = "Input is JSON Lines: {\"id\",\"title\",\"body\",\"published\"} per line." };

        var command = new Command("classify", "Classify news text: categories with evidence, facts, story fingerprint.")
        {
            input, title, published, rules, jsonl,
        };
        command.SetAction(async (result, ct) =>
        {
            var ruleSet = await RuleSource.LoadAsync(result.GetValue(rules), console, ct);
            if (ruleSet is null)
            {
                return 2;
            }

            var classifier = new ItemClassifier(ruleSet);
            using var reader = console.OpenInput(result.GetRequiredValue(input));
            var today = DateOnly.FromDateTime(console.Time.GetUtcNow().UtcDateTime);
            return result.GetValue(jsonl)
                ? ClassifyLines(classifier, reader, today, console)
                : ClassifyText(classifier, result.GetValue(title) ?? "", reader.ReadToEnd(), result.GetValue(published) ?? today, console);
        });
        return command;
    }

    private static int ClassifyText(ItemClassifier classifier, string title, string body, DateOnly published, CliConsole console)
    {
        var output = ClassificationJson.From(null, classifier.Classify(title, body, published));
        console.Out.WriteLine(JsonSerializer.Serialize(output, CliJsonContext.Default.ClassificationJson));
        return 0;
    }

    // A bad line never stops the batch: it gets an error object in its place so output lines stay aligned with input.
    private static int ClassifyLines(ItemClassifier classifier, TextReader reader, DateOnly today, CliConsole console)
    {
        var failures = 0;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var item = JsonlItem.TryParse(line, out var error);
            if (item is null)
            {
                failures++;
                console.Error.WriteLine($"classify: line {lineNumber}: {error}");
                var failure = new ClassifyError(null, $"line {lineNumber}: {error}");
                console.Out.WriteLine(JsonSerializer.Serialize(failure, CliJsonContext.Default.ClassifyError));
                continue;
            }

            var reference = item.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : today;
            var output = ClassificationJson.From(item.Id, classifier.Classify(item.Title ?? "", item.Body ?? "", reference));
            console.Out.WriteLine(JsonSerializer.Serialize(output, CliJsonContext.Default.ClassificationJson));
        }

        return failures == 0 ? 0 : 1;
    }
}
