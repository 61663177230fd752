using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Core.Commands;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class QuietHandlerTests : IAsyncLifetime
{
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Quiet_hours_are_stored_with_their_time_zone_and_off_clears_them()
    {
        await using var db = _database.Open();
        var handler = new QuietHandler(db, AuditOn(db));

        var reply = await handler.HandleAsync(Parse("quiet 22:00-07:00 Europe/Berlin"), Channel, CancellationToken.None);
        var stored = await _database.Open().Destinations.SingleAsync();
        await handler.HandleAsync(Parse("quiet off"), Channel, CancellationToken.None);

        Assert.Equal("Quiet hours 22:00-07:00 Europe/Berlin: alerts in those hours are held and posted together afterwards.", reply.Plain());
        Assert.Equal(("22:00-07:00", "Europe/Berlin"), (stored.QuietHours, stored.TimeZone));
        Assert.Null((await _database.Open().Destinations.SingleAsync()).QuietHours);
    }

    [Theory]
    [InlineData("quiet", "Say `quiet 22:00-07:00`")]
    [InlineData("quiet 25:00-07:00", "Say `quiet 22:00-07:00`")]
    [InlineData("quiet 22:00-07:00 Mars/Olympus", "`Mars/Olympus` is not a time zone")]
    public async Task Unreadable_hours_or_an_unknown_time_zone_are_usage_errors_and_change_nothing(string text, string message)
    {
        await using var db = _database.Open();

        var error = await Assert.ThrowsAsync<UsageException>(() => new QuietHandler(db, AuditOn(db)).HandleAsync(Parse(text), Channel, CancellationToken.None));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(0, await _database.Open().Destinations.CountAsync());
    }
}
