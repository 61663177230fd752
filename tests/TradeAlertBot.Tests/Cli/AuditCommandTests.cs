using Microsoft.Extensions.Configuration;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Cli;

public sealed class AuditCommandTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"tab-cli-{Guid.NewGuid():n}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task Changes_made_on_the_command_line_are_recorded_as_cli()
    {
        await RunAsync("feeds", "add", "https://trade.example.com/rss");
        await RunAsync("rules", "add", "steel", "steel");
        await RunAsync("rules", "edit", "steel", "steel OR aluminium", "--reason", "aluminium too");

        var run = await RunAsync("audit");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^TIME\s+ACTOR\s+ACTION\s+TARGET\s+BEFORE\s+AFTER$", run.OutLines[0]);
        Assert.Matches(@"^2025-04-03 12:00:00Z\s+cli\s+rule-edit\s+rule steel v2\s+steel\s+steel OR aluminium$", run.OutLines[1]);
        Assert.Matches(@"^2025-04-03 12:00:00Z\s+cli\s+rule-add\s+rule steel v1\s+steel$", run.OutLines[2]);
        Assert.Matches(@"^2025-04-03 12:00:00Z\s+cli\s+feed-add\s+feed https://trade.example.com/rss$", run.OutLines[3]);
        Assert.Equal("3 entries", run.OutLines[^1]);
    }

    [Fact]
    public async Task A_cli_resume_and_replay_are_recorded_and_a_replay_that_changes_nothing_is_not()
    {
        using var outbox = await OutboxDatabase.CreateAsync();
        await outbox.RunAsync("destinations", "resume", OutboxDatabase.Webhook);
        await outbox.RunAsync("deliveries", "replay", outbox.Ids["desk-dead"].ToString());
        await outbox.RunAsync("deliveries", "replay", outbox.Ids["desk-sent"].ToString());

        var run = await outbox.RunAsync("audit", "--csv");

        Assert.Equal(3, run.OutLines.Length);
        Assert.Equal($"2025-04-03 12:00:00Z,cli,replay,delivery {outbox.Ids["desk-dead"]},,1 back to pending", run.OutLines[1]);
        Assert.Equal($"2025-04-03 12:00:00Z,cli,resume,destination {OutboxDatabase.Webhook},paused: teams: webhook gone (404),resumed", run.OutLines[2]);
    }

    [Fact]
    public async Task Filters_by_time_actor_prefix_and_action_combine()
    {
        await SeedAsync(
            (CliRun.Now.AddDays(-10), "slack:T1/U1", AuditAction.RuleEdit, "rule old v2"),
            (CliRun.Now.AddHours(-1), "slack:T1/U1", AuditAction.RuleEdit, "rule new v2"),
            (CliRun.Now.AddHours(-1), "slack:T2/U9", AuditAction.RuleEdit, "rule other v2"),
            (CliRun.Now.AddHours(-1), "slack:T1/U1", AuditAction.Subscribe, "destination slack:T1/C1"));

        var run = await RunAsync("audit", "--since", "7d", "--actor", "slack:T1/", "--action", "rule-edit");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("rule new v2", run.Out);
        Assert.Equal(3, run.OutLines.Length); // header, one entry, count
        Assert.Contains("rule old v2", (await RunAsync("audit", "--since", "2025-03-01", "--action", "RuleEdit")).Out);
    }

    [Fact]
    public async Task Csv_quotes_commas_and_quotes_and_defuses_cells_a_spreadsheet_would_run()
    {
        await SeedAsync((CliRun.Now, "slack:T1/U1", AuditAction.FeedAdd, "=HYPERLINK(\"http://evil\",\"x\")"), (CliRun.Now, "cli", AuditAction.Replay, "deliveries 1, 2"));

        var run = await RunAsync("audit", "--csv");

        Assert.Equal(
            ["time,actor,action,target,before,after",
             "2025-04-03 12:00:00Z,cli,replay,\"deliveries 1, 2\",,",
             "2025-04-03 12:00:00Z,slack:T1/U1,feed-add,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,"],
            run.OutLines);
    }

    [Theory]
    [InlineData("--action", "rule-rename", "--action must be one of rule-add, rule-edit")]
    [InlineData("--since", "yesterday", "--since takes a date")]
    [InlineData("--limit", "-1", "--limit must be 0 (all) or more")]
    public async Task A_bad_filter_is_a_usage_error_with_exit_code_2(string option, string value, string message)
    {
        var run = await RunAsync("audit", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
    }

    [Fact]
    public async Task Rules_history_on_the_command_line_lists_versions_and_shows_a_diff_and_revert_restores_one()
    {
        await RunAsync("rules", "add", "steel", "steel\nAND VN");
        await RunAsync("rules", "edit", "steel", "steel\nAND (VN OR MX)", "--reason", "Mexico too");

        var list = await RunAsync("rules", "history", "steel");
        var diff = await RunAsync("rules", "history", "steel", "2");
        var revert = await RunAsync("rules", "revert", "steel", "1");

        Assert.Matches(@"^v2\s+2025-04-03 12:00Z\s+edited\s+cli\s+Mexico too\s+steel AND \(VN OR MX\)$", list.OutLines[2]);
        Assert.Equal(["steel v2: edited by cli at 2025-04-03 12:00Z — Mexico too", "steel", "- AND VN", "+ AND (VN OR MX)"], diff.OutLines);
        Assert.Equal((0, "rules: reverted, now version 3; the service applies it from the next poll on"), (revert.ExitCode, revert.OutLines[0]));
        Assert.Contains("rule-revert", (await RunAsync("audit")).Out);
    }

    private Task<CliRun> RunAsync(params string[] args) => CliRun.InvokeWithDatabaseAsync(_database, "", args);

    private async Task SeedAsync(params (DateTimeOffset At, string Actor, AuditAction Action, string Target)[] entries)
    {
        await RunAsync("audit"); // creates and migrates the database
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={_database}" };
        var console = new TradeAlertBot.Cli.CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, TimeProvider.System,
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        await using var db = await console.OpenDatabaseAsync(CancellationToken.None);
        foreach (var (at, actor, action, target) in entries)
        {
            db.AuditLog.Add(new AuditEntry { At = at, Actor = actor, Action = action, Target = target });
        }

        await db.SaveChangesAsync();
    }
}
