using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TradeAlertBot.Hosting;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Tests.Hosting;

/// <summary>The database and the Data Protection keys hold secrets: nobody but the bot's user may read them.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileModeTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"tab-modes-{Guid.NewGuid():n}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task The_database_file_is_created_0600_in_a_0700_folder()
    {
        var path = Path.Combine(_root, "data", "tradealertbot.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={path}" })
            .Build();
        var options = new DbContextOptionsBuilder<TradeAlertDbContext>();
        StorageServiceCollectionExtensions.Configure(options, configuration);

        await using (var db = new TradeAlertDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void The_key_folder_is_created_0700()
    {
        var keys = Path.Combine(_root, "keys");

        PrivateFolder.Create(keys);

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(keys));
    }

    [Fact]
    public void A_key_folder_left_world_readable_by_an_older_version_is_tightened()
    {
        var keys = Path.Combine(_root, "keys");
        Directory.CreateDirectory(keys);
        File.SetUnixFileMode(keys, OwnerOnlyFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        PrivateFolder.Create(keys);

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(keys));
    }
}
