using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Cli;

public sealed class ServiceRulesTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"tab-cli-{Guid.NewGuid():n}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task Classify_uses_the_services_rules_when_its_database_exists()
    {
        var options = new DbContextOptionsBuilder<TradeAlertDbContext>().UseSqlite($"Data Source={_database}").Options;
        await using (var db = new TradeAlertDbContext(options))
        {
            await db.Database.MigrateAsync();
            db.Rules.Add(new WatchRule { Name = "gallium-watch", Query = "gallium NEAR/3 export*", UpdatedAt = CliRun.Now });
            await db.SaveChangesAsync();
        }

        var run = await CliRun.InvokeWithDatabaseAsync(_database, "China restricts gallium exports.", "classify", "-");

        var names = JsonDocument.Parse(run.Out).RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal(["gallium-watch"], names);
    }

    [Fact]
    public async Task Classify_does_not_create_a_database_that_does_not_exist()
    {
        var run = await CliRun.InvokeWithDatabaseAsync(_database, "US imposes new tariffs on steel.", "classify", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("new-tariffs", run.Out);
        Assert.False(File.Exists(_database));
    }
}
