using TradeAlertBot.Cli;

return await CliApp.RunAsync(args, CliConsole.System);
