using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Tests.Commands.Handlers;

/// <summary>A migrated SQLite database in memory, alive as long as this object: one per test.</summary>
public sealed class CommandTestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    private CommandTestDatabase()
    {
    }

    public static async Task<CommandTestDatabase> CreateAsync()
    {
        var database = new CommandTestDatabase();
        await database._connection.OpenAsync();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A new context on the same database: what a handler's scope would get.</summary>
    public TradeAlertDbContext Open() =>
        new(new DbContextOptionsBuilder<TradeAlertDbContext>().UseSqlite(_connection).Options);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
