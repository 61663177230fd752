using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Core.Commands;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class DigestHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_daily_digest_is_next_due_at_its_local_time_tomorrow_once_today_has_passed()
    {
        await using var db = _database.Open();

        var reply = await new DigestHandler(db, _time, AuditOn(db, _time)).HandleAsync(Parse("digest daily 09:00 Europe/Berlin"), Channel, CancellationToken.None);

        var stored = await _database.Open().Destinations.SingleAsync();
        Assert.StartsWith("Digest daily 09:00 Europe/Berlin", reply.Plain());
        Assert.True(reply.Public);
        Assert.Equal(new DateTimeOffset(2026, 3, 21, 8, 0, 0, TimeSpan.Zero), stored.NextDigestAt); // 09:00 CET
        Assert.Equal("Europe/Berlin", stored.TimeZone);
    }

    [Fact]
    public async Task Digest_off_clears_the_schedule_so_held_alerts_go_out()
    {
        await using var db = _database.Open();
        var handler = new DigestHandler(db, _time, AuditOn(db, _time));

        await handler.HandleAsync(Parse("digest hourly"), Channel, CancellationToken.None);
        await handler.HandleAsync(Parse("digest off"), Channel, CancellationToken.None);

        var stored = await _database.Open().Destinations.SingleAsync();
        Assert.Equal((null, null), (stored.Digest, stored.NextDigestAt));
    }

    [Theory]
    [InlineData("digest weekly")]
    [InlineData("digest daily 9am")]
    public async Task An_unreadable_schedule_is_a_usage_error(string text)
    {
        await using var db = _database.Open();

        var error = await Assert.ThrowsAsync<UsageException>(() => new DigestHandler(db, _time, AuditOn(db, _time)).HandleAsync(Parse(text), Channel, CancellationToken.None));

        Assert.StartsWith("Say `digest hourly`", error.Message);
    }
}
