// Scaffolds an EF Core migration for the SQLite provider into src/TradeAlertBot.Storage/Migrations/Sqlite.
// Usage (from the repository root): dotnet run --project tools/MigrationScaffolder -- NAME
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Storage;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: MigrationScaffolder NAME");
    return 2;
}

var options = new DbContextOptionsBuilder<TradeAlertDbContext>().UseSqlite("Data Source=:memory:").Options;
using var db = new TradeAlertDbContext(options);

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(db);
#pragma warning disable EF1001 // the SQLite design-time services are internal API; dotnet-ef uses them the same way
new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
using var provider = services.BuildServiceProvider();

var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(args[0], "TradeAlertBot.Storage", "Migrations.Sqlite", "C#");
var files = scaffolder.Save(Path.GetFullPath("src/TradeAlertBot.Storage"), migration, Path.GetFullPath("src/TradeAlertBot.Storage/Migrations/Sqlite"));
Console.WriteLine($"wrote {files.MigrationFile}, {files.MetadataFile}, {files.SnapshotFile}");
return 0;
