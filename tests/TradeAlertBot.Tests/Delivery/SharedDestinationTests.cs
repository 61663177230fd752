using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Tests.Cli;

namespace TradeAlertBot.Tests.Deliveries;

/// <summary>
/// One destination in a database file that several "processes" open at once, each with its own DbContext and SQLite
/// connection: the limits shared through the database (send slots, the storm gate) are conditional updates, and
/// these tests check that separate connections agree exactly.
/// </summary>
public abstract class SharedDestinationTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private protected OutboxDatabase Database { get; private set; } = null!;
    protected long DestinationId { get; private set; }

    public async Task InitializeAsync()
    {
        Database = await OutboxDatabase.CreateAsync();
        await using var db = await Database.OpenAsync();
        var destination = new Destination { Kind = DestinationKind.Slack, Address = "C-SHARED" };
        db.Destinations.Add(destination);
        await db.SaveChangesAsync();
        DestinationId = destination.Id;
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }

    protected async Task<T[]> FromProcessesAsync<T>(int processes, Func<TradeAlertDbContext, Task<T>> action)
    {
        var contexts = new List<TradeAlertDbContext>();
        for (var i = 0; i < processes; i++)
        {
            contexts.Add(await Database.OpenAsync());
        }

        try
        {
            return await Task.WhenAll(contexts.Select(db => Task.Run(() => action(db))));
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }
}
