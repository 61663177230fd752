using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Tests.Cli;

namespace TradeAlertBot.Tests.Deliveries;

/// <summary>
/// The storm gate is a conditional update in the database, so separate connections — as several
/// host processes would hold — agree exactly. Each "process" here has its own DbContext and SQLite connection.
/// </summary>
public sealed class StormGateTests : IAsyncLifetime
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
    public async Task Of_many_alerts_racing_through_the_storm_gate_exactly_the_threshold_pass()
    {
        var options = new DeliveryOptions { StormThreshold = 10, StormWindow = TimeSpan.FromMinutes(5) };

        var results = await FromProcessesAsync(25, db => StormGate.TryPassAsync(db, _destination, Now, options, CancellationToken.None));

        Assert.Equal(10, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(Now + options.StormWindow, r));
    }
}
