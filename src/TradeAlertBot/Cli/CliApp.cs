using System.CommandLine;
using System.CommandLine.Help;

namespace TradeAlertBot.Cli;

/// <summary>The command line: one verb per file, assembled here.</summary>
public static class CliApp
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("TradeAlertBot: trade-policy news alerts for Slack and Microsoft Teams.");
        root.Add(ClassifyCommand.Create(console));
        root.Add(RulesCommand.Create(console));

        // No verb: show help. (The service host will start here once the pipeline exists.)
        root.SetAction(result =>
        {
            new HelpAction().Invoke(result);
            return 0;
        });
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct = default)
    {
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return Build(console).Parse(args).InvokeAsync(config, ct);
    }
}
