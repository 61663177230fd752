using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Slack;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Teams;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Tests.Cli;

public sealed class DbCommandTests
{
    [Fact]
    public async Task Copying_sqlite_to_postgres_keeps_every_row_of_every_table_and_prints_matching_counts()
    {
        using var source = await FilledDatabase.CreateAsync();
        var target = await TestPostgres.NewDatabaseAsync();

        var run = await CopyAsync(source.ConnectionString, target);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var expected = await RowsAsync(source.ConnectionString);
        Assert.All(expected, table => Assert.True(table.Value.Count > 0, $"the filled database has no {table.Key} row: fill every table"));
        Assert.Equal(expected, await RowsAsync(target));
        Assert.Contains(run.OutLines, l => l.StartsWith("Stories ") && l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..] is ["1", "1"]);
        Assert.Contains("every count matches", run.Out);
        Assert.Contains("Data Protection key ring", run.Out);
    }

    [Fact]
    public async Task A_copied_workspace_token_and_webhook_url_read_back_on_postgres_with_the_same_key_ring()
    {
        using var source = await FilledDatabase.CreateAsync();
        var target = await TestPostgres.NewDatabaseAsync();

        Assert.Equal(0, (await CopyAsync(source.ConnectionString, target)).ExitCode);

        await using var db = FilledDatabase.Open(target);
        var tokens = new SlackTokens(db, Options.Create(new SlackOptions()), source.KeyRing());
        Assert.Equal(FilledDatabase.BotToken, await tokens.GetAsync("T0COPY", CancellationToken.None));
        var webhook = await db.Destinations.SingleAsync(d => d.Kind == WebhookSecrets.Kind);
        Assert.Equal(FilledDatabase.WebhookUrl, new WebhookSecrets(source.KeyRing()).UrlOf(webhook.Address, webhook.ProtectedSecret));
    }

    [Fact]
    public async Task After_a_copy_to_postgres_new_rows_get_ids_past_the_copied_ones()
    {
        using var source = await FilledDatabase.CreateAsync();
        var target = await TestPostgres.NewDatabaseAsync();
        Assert.Equal(0, (await CopyAsync(source.ConnectionString, target)).ExitCode);

        await using var db = FilledDatabase.Open(target);
        var feed = new Feed { Url = "https://new.example.org/feed", CreatedAt = DateTimeOffset.UnixEpoch, NextPollAt = DateTimeOffset.UnixEpoch };
        var rule = new WatchRule { Name = "after-copy", Query = "quota", UpdatedAt = DateTimeOffset.UnixEpoch };
        db.AddRange(feed, rule);
        await db.SaveChangesAsync();

        Assert.Equal(3, feed.Id);
        Assert.Equal(3, rule.Id);
    }

    [Fact]
    public async Task A_postgres_database_copies_back_to_sqlite_row_for_row_and_new_rows_follow_the_copied_ids()
    {
        using var source = await FilledDatabase.CreateAsync();
        var postgres = await TestPostgres.NewDatabaseAsync();
        Assert.Equal(0, (await CopyAsync(source.ConnectionString, postgres)).ExitCode);
        var back = $"Data Source={Path.Combine(Path.GetTempPath(), $"tab-copy-back-{Guid.NewGuid():n}.db")}";

        try
        {
            var run = await CopyAsync(postgres, back);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(await RowsAsync(source.ConnectionString), await RowsAsync(back));
            await using var db = FilledDatabase.Open(back);
            var feed = new Feed { Url = "https://new.example.org/feed", CreatedAt = DateTimeOffset.UnixEpoch, NextPollAt = DateTimeOffset.UnixEpoch };
            db.Feeds.Add(feed);
            await db.SaveChangesAsync();
            Assert.Equal(3, feed.Id);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(back["Data Source=".Length..]);
        }
    }

    [Fact]
    public async Task A_target_holding_rows_is_refused_and_replace_deletes_them_first()
    {
        using var source = await FilledDatabase.CreateAsync();
        var target = await TestPostgres.NewDatabaseAsync();
        Assert.Equal(0, (await CopyAsync(source.ConnectionString, target)).ExitCode);

        var refused = await CopyAsync(source.ConnectionString, target);
        var replaced = await CopyAsync(source.ConnectionString, target, "--replace");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--to: the database already holds rows (", refused.Error);
        Assert.Contains("Feeds: 2", refused.Error);
        Assert.Contains("--replace", refused.Error);
        Assert.Equal(0, replaced.ExitCode);
        Assert.Equal(await RowsAsync(source.ConnectionString), await RowsAsync(target));
    }

    [Fact]
    public async Task A_row_postgres_cannot_hold_fails_the_copy_naming_the_table_and_leaves_the_target_empty()
    {
        using var source = await FilledDatabase.CreateAsync();
        await using (var db = FilledDatabase.Open(source.ConnectionString))
        {
            // SQLite does not enforce varchar lengths; PostgreSQL does.
            await db.Database.ExecuteSqlRawAsync("UPDATE Feeds SET Title = substr(hex(zeroblob(600)), 1, 1001) WHERE Enabled = 0");
        }

        var target = await TestPostgres.NewDatabaseAsync();

        var run = await CopyAsync(source.ConnectionString, target);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("db copy: Feeds, rows 1 to 2: ", run.Error);
        Assert.Contains("character varying(1000)", run.Error);
        Assert.All(await RowsAsync(target), table => Assert.Empty(table.Value));
    }

    [Fact]
    public async Task A_count_that_differs_after_the_copy_exits_non_zero_and_commits_nothing()
    {
        using var source = await FilledDatabase.CreateAsync();
        var target = await TestPostgres.NewDatabaseAsync();
        await using (var db = FilledDatabase.Open(target))
        {
            // A database with a trigger of its own: each copied feed adds a revoked session the source does not have.
            await db.MigrateUnderLockAsync(CancellationToken.None);
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION extra_session() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN INSERT INTO "RevokedAdminSessions" ("SessionId", "ExpiresAt") VALUES (NEW."Url", 0); RETURN NEW; END $$;
                CREATE TRIGGER extra_session AFTER INSERT ON "Feeds" FOR EACH ROW EXECUTE FUNCTION extra_session();
                """);
        }

        var run = await CopyAsync(source.ConnectionString, target);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["RevokedAdminSessions", "1", "3", "MISMATCH"]);
        Assert.Contains("row counts differ", run.Error);
        Assert.Contains("nothing was committed", run.Error);
        Assert.All(await RowsAsync(target), table => Assert.Empty(table.Value));
    }

    [Theory]
    [InlineData("Foo=bar", "Data Source=t.db", null, "--from: cannot tell the provider from the connection string (Data Source=… is sqlite, Host=… is postgres); give --from-provider")]
    [InlineData("Data Source=/nonexistent-tab/none.db", "Data Source=t.db", null, "--from: no SQLite database at /nonexistent-tab/none.db")]
    [InlineData("Data Source=same.db", "Data Source=./same.db", null, "--from and --to name the same database")]
    [InlineData("Data Source=/nonexistent-tab/none.db", "Host=127.0.0.1;Database=x", "sqlite", "--to: not a SQLite connection string (Data Source=FILE)")]
    [InlineData("Data Source=/nonexistent-tab/none.db", "Data Source=t.db;Pooling=maybe", null, "--to: not a SQLite connection string (Data Source=FILE)")]
    [InlineData("Data Source=/nonexistent-tab/none.db", "justtext", null, "--to: not a connection string")]
    public async Task Bad_arguments_exit_with_2_and_say_what_is_wrong(string from, string to, string? toProvider, string message)
    {
        var run = await CopyAsync(from, to, toProvider is null ? [] : ["--to-provider", toProvider]);

        Assert.True(run.ExitCode == 2, run.Error);
        Assert.StartsWith("db copy: " + message, run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task A_source_without_the_bots_tables_is_refused()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"tab-copy-empty-{Guid.NewGuid():n}.db");
        await File.WriteAllBytesAsync(empty, []);
        try
        {
            var run = await CopyAsync($"Data Source={empty}", "Host=127.0.0.1;Database=unused");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"db copy: --from: sqlite {empty} holds no TradeAlertBot tables (no migration history)", run.Error.Trim());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(empty);
        }
    }

    [Fact]
    public async Task Missing_options_and_unknown_providers_are_refused_by_the_parser()
    {
        var noTarget = await CliRun.InvokeAsync("", "db", "copy", "--from", "Data Source=a.db");
        var badProvider = await CliRun.InvokeAsync("", "db", "copy", "--from", "Data Source=a.db", "--to", "x", "--to-provider", "mysql");

        Assert.NotEqual(0, noTarget.ExitCode);
        Assert.Contains("--to", noTarget.Error);
        Assert.NotEqual(0, badProvider.ExitCode);
        Assert.Contains("mysql", badProvider.Error);
    }

    [Fact]
    public async Task An_unreachable_target_fails_with_the_reason()
    {
        using var source = await FilledDatabase.CreateAsync();

        var run = await CopyAsync(source.ConnectionString, "Host=127.0.0.1;Port=1;Database=none;Timeout=2");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("db copy: --to: cannot migrate postgres 127.0.0.1:1/none: ", run.Error);
    }

    private static Task<CliRun> CopyAsync(string from, string to, params string[] more) =>
        CliRun.InvokeAsync("", ["db", "copy", "--from", from, "--to", to, .. more]);

    private static async Task<SortedDictionary<string, List<string>>> RowsAsync(string connectionString)
    {
        await using var db = FilledDatabase.Open(connectionString);
        return await TableRows.ReadAsync(db);
    }
}
