// Scaffolds an EF Core migration for one provider into src/TradeAlertBot.Storage/Migrations/{Sqlite,Postgres}.
// Usage (from the repository root): dotnet run --project tools/MigrationScaffolder -- [--provider sqlite|postgres] NAME
// Run it once per provider: both sets describe the same model, each in its provider's column types.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;
using TradeAlertBot.Storage;

var provider = StorageOptions.Sqlite;
var rest = args.ToList();
var flag = rest.IndexOf("--provider");
if (flag >= 0 && flag + 1 < rest.Count)
{
    provider = rest[flag + 1].ToLowerInvariant();
    rest.RemoveRange(flag, 2);
}

if (rest.Count != 1 || provider is not (StorageOptions.Sqlite or StorageOptions.Postgres))
{
    Console.Error.WriteLine("usage: MigrationScaffolder [--provider sqlite|postgres] NAME");
    return 2;
}

// Scaffolding compares the model with the set's snapshot; it never connects, so the connection strings are placeholders.
var builder = new DbContextOptionsBuilder<TradeAlertDbContext>();
var postgres = provider == StorageOptions.Postgres;
StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = provider },
    postgres ? "Host=localhost;Database=scaffold" : "Data Source=:memory:");
using var db = new TradeAlertDbContext(builder.Options);

var services = new ServiceCollection();
services.AddEntityFrameworkDesignTimeServices();
services.AddDbContextDesignTimeServices(db);
#pragma warning disable EF1001 // the providers' design-time services are internal API; dotnet-ef uses them the same way
if (postgres)
{
    new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
}
else
{
    new SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
}
#pragma warning restore EF1001
using var design = services.BuildServiceProvider();

var folder = postgres ? "Postgres" : "Sqlite";
var scaffolder = design.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(rest[0], "TradeAlertBot.Storage", "Migrations." + folder, "C#");
// Written here rather than by IMigrationsScaffolder.Save, which puts the snapshot next to the first file of that
// name in the project: both sets' snapshots share the class name, so it would overwrite the other provider's.
var output = Path.GetFullPath("src/TradeAlertBot.Storage/Migrations/" + folder);
Directory.CreateDirectory(output);
var written = new[]
{
    (Path.Combine(output, migration.MigrationId + migration.FileExtension), migration.MigrationCode),
    (Path.Combine(output, migration.MigrationId + ".Designer" + migration.FileExtension), migration.MetadataCode),
    (Path.Combine(output, migration.SnapshotName + migration.FileExtension), migration.SnapshotCode),
};
foreach (var (path, code) in written)
{
    File.WriteAllText(path, code);
}

Console.WriteLine("wrote " + string.Join(", ", written.Select(w => w.Item1)));
return 0;
