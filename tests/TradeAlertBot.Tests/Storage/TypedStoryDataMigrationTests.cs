using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Tests.Storage;

public sealed class TypedStoryDataMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tab-migrate-{Guid.NewGuid():n}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private TradeAlertDbContext Open() => new(new DbContextOptionsBuilder<TradeAlertDbContext>().UseSqlite($"Data Source={_path}").Options);

    // Three stories as the old schema stored them: categories space-separated, the classification as JSON (braces
    // doubled: raw SQL is a format string).
    private const string OldStories = """
        INSERT INTO Stories (Id, Fingerprint, Title, Source, Summary, FirstSeenAt, LastSeenAt, OutletCount, Categories, ClassificationJson)
        VALUES (1, 'f1', 'Story 1', 'USTR', 'summary', 0, 0, 1, 'new-tariffs export-controls',
                '{{"Reasons":[{{"Rule":"new-tariffs","Terms":["tariff"]}}],"Facts":[{{"Label":"Countries","Value":"VN"}}]}}'),
               (2, 'f2', 'Story 2', 'USTR', 'summary', 0, 0, 1, '', '{{"Reasons":[],"Facts":[]}}'),
               (3, 'f3', 'Story 3', 'USTR', 'summary', 0, 0, 1, 'tariff-exemptions',
                '{{"Reasons":[],"Facts":[{{"Label":"Rates","Value":"25%"}},{{"Label":"Countries","Value":"CN, US"}}]}}');
        """;

    [Fact]
    public async Task Stories_stored_before_keep_their_categories_in_order_and_their_classification()
    {
        await using (var db = Open())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261130235501_IdentitiesSecretsAndAttempts");
            await db.Database.ExecuteSqlRawAsync(OldStories);

            await migrator.MigrateAsync();
        }

        await using var read = Open();
        var stories = await read.Stories.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(["new-tariffs", "export-controls"], stories[0].Categories);
        Assert.Empty(stories[1].Categories);
        Assert.Equal(["tariff-exemptions"], stories[2].Categories);
        Assert.Equal("VN", stories[0].Content.Facts.Single().Value);
        Assert.Equal([1L], await read.Stories.InCategory("export-controls").Select(s => s.Id).ToListAsync());
        Assert.Equal([1L, 3L], await read.Stories.Categorized().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync());
        Assert.Equal("new-tariffs", await read.Stories.FirstCategoryAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Stories_stored_before_get_the_countries_their_facts_name()
    {
        await using (var db = Open())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261130235501_IdentitiesSecretsAndAttempts");
            await db.Database.ExecuteSqlRawAsync(OldStories);

            await migrator.MigrateAsync();
        }

        await using var read = Open();
        var stories = await read.Stories.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(["VN"], stories[0].Countries);
        Assert.Empty(stories[1].Countries);
        Assert.Equal(["CN", "US"], stories[2].Countries);
        Assert.Equal([3L], await read.Stories.InCountry("US").Select(s => s.Id).ToListAsync());
        Assert.Equal(2, stories[2].Content.Facts.Count); // the display lines stay as they were
    }

    [Fact]
    public async Task Migrating_down_restores_the_space_separated_categories()
    {
        await using var db = Open();
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261130235501_IdentitiesSecretsAndAttempts");
        await db.Database.ExecuteSqlRawAsync(OldStories);
        await migrator.MigrateAsync();

        await migrator.MigrateAsync("20261130235501_IdentitiesSecretsAndAttempts");

        var categories = await db.Database.SqlQueryRaw<string>("SELECT Categories AS Value FROM Stories ORDER BY Id").ToListAsync();
        Assert.Equal(["new-tariffs export-controls", "", "tariff-exemptions"], categories);
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Stories')").ToListAsync();
        Assert.DoesNotContain("Countries", columns);
    }
}
