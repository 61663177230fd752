using TradeAlertBot.Cli;
using TradeAlertBot.Hosting;

// A verb (classify, rules, feeds, …) runs the command line; anything else starts the service.
if (CliApp.IsCommand(args))
{
    return await CliApp.RunAsync(args, CliConsole.System);
}

await ServiceHost.Build(args).RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
