using TradeAlertBot.Core.Categories;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Cli;

/// <summary>Loads the rules a CLI verb runs with: a file or folder given by --rules, else the default pack.</summary>
internal static class RuleSource
{
    /// <summary>Returns the compiled rules, or null after printing every error with its line and column.</summary>
    public static RuleSet? Load(string? path, CliConsole console)
    {
        if (path is null)
        {
            return RuleSet.Compile(DefaultRulePack.Load());
        }

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            console.Error.WriteLine($"rules: {path}: no such file or directory");
            return null;
        }

        var errors = RuleFile.Check(path);
        if (errors.Count > 0)
        {
            RulesCommand.Print(errors, console.Error);
            return null;
        }

        return RuleSet.Compile(RuleFile.LoadAll(path));
    }
}
