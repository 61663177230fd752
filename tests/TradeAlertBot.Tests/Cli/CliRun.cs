using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Cli;

namespace TradeAlertBot.Tests.Cli;

/// <summary>Runs the CLI in-process with captured streams and a fixed clock.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static readonly DateTimeOffset Now = new(2025, 4, 3, 12, 0, 0, TimeSpan.Zero);

    public static Task<CliRun> InvokeAsync(string stdin, params string[] args) => InvokeWithDatabaseAsync(null, stdin, args);

    /// <summary>Runs a verb against the SQLite file <paramref name="databasePath"/> (the service's settings).</summary>
    public static async Task<CliRun> InvokeWithDatabaseAsync(string? databasePath, string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={databasePath ?? Path.Combine(Path.GetTempPath(), "tab-cli-unused.db")}",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var console = new CliConsole(new StringReader(stdin), output, error, new FakeTimeProvider(Now), configuration);
        var exit = await CliApp.RunAsync(args, console);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
