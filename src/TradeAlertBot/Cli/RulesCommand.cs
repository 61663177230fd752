using System.CommandLine;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Cli;

/// <summary><c>rules check PATH</c>: validates a rule file or a folder of them; the stored rules' verbs are in <see cref="StoredRulesCommand"/>.</summary>
internal static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("PATH") { Description = "A .rule file or a folder of them." };
        var check = new Command("check", "Validate rule files and print errors with line and column.") { path };
        check.SetAction(result => Check(result.GetRequiredValue(path), console));

        var rules = new Command("rules", "Check watch-rule files; add, edit, remove, revert and list the history of the service's stored rules.") { check };
        foreach (var stored in StoredRulesCommand.Create(console))
        {
            rules.Add(stored);
        }

        return rules;
    }

    public static void Print(IEnumerable<RuleFileError> errors, TextWriter writer)
    {
        foreach (var error in errors)
        {
            writer.WriteLine($"{error.Path}:{error.Line}:{error.Column}: {error.Message}");
        }
    }

    private static int Check(string path, CliConsole console)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            console.Error.WriteLine($"rules: {path}: no such file or directory");
            return 2;
        }

        var errors = RuleFile.Check(path);
        if (errors.Count > 0)
        {
            Print(errors, console.Out);
            console.Out.WriteLine($"{errors.Count} error(s)");
            return 1;
        }

        console.Out.WriteLine($"ok: {RuleFile.LoadAll(path).Count} rule(s)");
        return 0;
    }
}
