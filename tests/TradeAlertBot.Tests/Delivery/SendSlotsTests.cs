using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Tests.Cli;

namespace TradeAlertBot.Tests.Deliveries;

/// <summary>
/// The rate limit is a conditional update in the database, so separate connections — as several
/// host processes would hold — agree exactly. Each "process" here has its own DbContext and SQLite connection.
/// </summary>
public sealed class SendSlotsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private OutboxDatabase _database = null!;
    private long _destination;

    public async Task InitializeAsync()
    {
        _database = await OutboxDatabase.CreateAsync();
        await using var db = await _database.OpenAsync();
        var destination = new Destination { Kind = "slack", Address = "C-SHARED" };
        db.Destinations.Add(destination);
        await db.SaveChangesAsync();
        _destination = destination.Id;
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    private async Task<T[]> FromProcessesAsync<T>(int processes, Func<TradeAlertDbContext, Task<T>> action)
    {
        var contexts = new List<TradeAlertDbContext>();
        for (var i = 0; i < processes; i++)
        {
            contexts.Add(await _database.OpenAsync());
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

    [Fact]
    public async Task Of_many_processes_trying_at_once_exactly_one_takes_the_send_slot()
    {
        var results = await FromProcessesAsync(8, db => SendSlots.TryTakeAsync(db, _destination, TimeSpan.FromSeconds(1), Now, CancellationToken.None));

        Assert.Single(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(Now + TimeSpan.FromSeconds(1), r));
    }

    [Fact]
    public async Task The_slot_frees_after_the_interval()
    {
        await using var db = await _database.OpenAsync();

        Assert.Null(await SendSlots.TryTakeAsync(db, _destination, TimeSpan.FromSeconds(1), Now, CancellationToken.None));
        Assert.NotNull(await SendSlots.TryTakeAsync(db, _destination, TimeSpan.FromSeconds(1), Now.AddMilliseconds(999), CancellationToken.None));
        Assert.Null(await SendSlots.TryTakeAsync(db, _destination, TimeSpan.FromSeconds(1), Now.AddSeconds(1), CancellationToken.None));
    }
}
