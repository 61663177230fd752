using System.CommandLine;

namespace TradeAlertBot.Cli;

/// <summary>The command line: one verb per file, assembled here.</summary>
public static class CliApp
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("TradeAlertBot: trade-policy news alerts for Slack and Microsoft Teams.");
        root.Add(ClassifyCommand.Create(console));
        root.Add(EvalCommand.Create(console));
        root.Add(RulesCommand.Create(console));
        root.Add(FeedsCommand.Create(console));
        root.Add(SourcesCommand.Create(console));
        root.Add(TeamsCommand.Create(console));
        root.Add(DeliveriesCommand.Create(console));
        root.Add(DestinationsCommand.Create(console));
        root.Add(DbCommand.Create(console));
        root.Add(AuditCommand.Create(console));
        root.Add(WatchCommand.Create(console));
        return root;
    }

    /// <summary>True when the arguments name a verb or ask for help/version; otherwise the service starts.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Build(CliConsole.System).Subcommands.Any(c => c.Name == args[0])
                            || args[0] is "-h" or "--help" or "-?" or "--version");

    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct = default)
    {
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return Build(console).Parse(args).InvokeAsync(config, ct);
    }
}
