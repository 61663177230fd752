using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Core.Commands;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class MuteHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Muting_holds_the_channels_alerts_until_the_time_given_and_off_ends_it()
    {
        await using var db = _database.Open();
        var handler = new MuteHandler(db, _time, AuditOn(db, _time));

        var muted = await handler.HandleAsync(Parse("mute 2h"), Channel, CancellationToken.None);
        var until = (await _database.Open().Destinations.SingleAsync()).MutedUntil;
        await handler.HandleAsync(Parse("mute off"), Channel, CancellationToken.None);

        Assert.Equal(Now.AddHours(2), until);
        Assert.True(muted.Public);
        Assert.Null((await _database.Open().Destinations.SingleAsync()).MutedUntil);
    }

    [Theory]
    [InlineData("mute", "Say how long")]
    [InlineData("mute 8d", "`8d` is not a duration")]
    [InlineData("mute 0h", "`0h` is not a duration")]
    [InlineData("mute 2w", "`2w` is not a duration")]
    public async Task A_missing_or_unreadable_duration_or_one_past_a_week_is_a_usage_error(string text, string message)
    {
        await using var db = _database.Open();

        var error = await Assert.ThrowsAsync<UsageException>(() => new MuteHandler(db, _time, AuditOn(db, _time)).HandleAsync(Parse(text), Channel, CancellationToken.None));

        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("2h", 120)]
    [InlineData("7d", 7 * 24 * 60)]
    public void Durations_are_minutes_hours_or_days(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), MuteHandler.ParseDuration(text));
}
