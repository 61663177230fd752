using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Tests.Storage;

public sealed class BoundIdentitiesMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tab-migrate-{Guid.NewGuid():n}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task Slack_channels_stored_before_get_their_workspace_in_the_address()
    {
        await using var db = new TradeAlertDbContext(new DbContextOptionsBuilder<TradeAlertDbContext>().UseSqlite($"Data Source={_path}").Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261125195510_ChatAndDelivery");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Destinations (Kind, Address, TeamId, Paused, StormWindowCount) VALUES ('slack', 'C-OLD', 'T1', 0, 0);
            INSERT INTO Destinations (Kind, Address, TeamId, Paused, StormWindowCount) VALUES ('slack', 'C-SINGLE', NULL, 0, 0);
            INSERT INTO Destinations (Kind, Address, TeamId, Paused, StormWindowCount) VALUES ('teams', '19:abc@thread.tacv2', NULL, 0, 0);
            """);

        await migrator.MigrateAsync();

        var addresses = await db.Destinations.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Address).ToListAsync();
        Assert.Equal(["T1/C-OLD", "C-SINGLE", "19:abc@thread.tacv2"], addresses);
    }
}
