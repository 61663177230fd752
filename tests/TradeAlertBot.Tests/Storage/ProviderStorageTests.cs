using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Tests.Storage;

public sealed class ProviderStorageTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Each_provider_migrates_an_empty_database_with_its_own_set_to_the_current_model(string provider)
    {
        using var database = await ProviderDatabase.CreateAsync(provider);
        await using var db = database.Open();

        await db.MigrateUnderLockAsync(CancellationToken.None);

        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.NotEmpty(applied);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.False(db.Database.HasPendingModelChanges(), "a model change needs a migration in both sets");
        var folder = provider == StorageOptions.Postgres ? "Postgres" : "Sqlite";
        Assert.All(db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly>().Migrations.Values,
            m => Assert.EndsWith(".Migrations." + folder, m.Namespace));
    }

    [Fact]
    public async Task Nodes_starting_together_on_postgres_migrate_once_and_all_start()
    {
        using var database = await ProviderDatabase.CreateAsync(StorageOptions.Postgres);
        var contexts = Enumerable.Range(0, 4).Select(_ => database.Open()).ToList();

        await Task.WhenAll(contexts.Select(db => db.MigrateUnderLockAsync(CancellationToken.None)));

        await using var check = database.Open();
        var applied = await check.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync();
        Assert.Equal(check.Database.GetMigrations().Count(), applied);
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Story_lists_and_content_round_trip_and_are_searchable_in_sql(string provider)
    {
        using var database = await ProviderDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            await db.MigrateUnderLockAsync(CancellationToken.None);
            db.Stories.AddRange(
                Story("tariffs on steel", ["new-tariffs", "sanctions"], ["CN", "US"]),
                Story("export licence rules", ["export-controls"], ["DE"]),
                Story("weather", [], []));
            await db.SaveChangesAsync();
        }

        await using var read = database.Open();
        Assert.Equal(["tariffs on steel"], await read.Stories.InCategory("sanctions").Select(s => s.Title).ToListAsync());
        Assert.Equal(["export licence rules"], await read.Stories.InCountry("DE").Select(s => s.Title).ToListAsync());
        Assert.Equal(2, await read.Stories.Categorized().CountAsync());
        var steel = await read.Stories.SingleAsync(s => s.Title == "tariffs on steel");
        Assert.Equal("new-tariffs", await read.Stories.FirstCategoryAsync(steel.Id, CancellationToken.None));
        Assert.Equal(["new-tariffs", "sanctions"], steel.Categories);
        Assert.Equal("tariff", Assert.Single(steel.Content.Reasons).Terms.Single());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), steel.FirstSeenAt);
    }

    private static Story Story(string title, List<string> categories, List<string> countries) => new()
    {
        Fingerprint = title,
        Title = title,
        Source = "Trade Wire",
        Summary = title,
        FirstSeenAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
        LastSeenAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
        Categories = categories,
        Countries = countries,
        Content = new AlertContent([new AlertReason(categories.FirstOrDefault() ?? "none", ["tariff"])], []),
    };
}
