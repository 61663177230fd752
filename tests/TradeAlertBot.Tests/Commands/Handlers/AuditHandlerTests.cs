using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage.Entities;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class AuditHandlerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Audit_shows_the_latest_entries_newest_first_up_to_the_count_asked()
    {
        await using (var db = _database.Open())
        {
            var audit = AuditOn(db, _time);
            audit.Stage(AuditActor.Cli, AuditAction.FeedAdd, "feed https://a.example/rss");
            _time.Advance(TimeSpan.FromMinutes(1));
            audit.Stage(new AuditActor("slack:T1/U1"), AuditAction.RuleEdit, "rule steel v2", "steel", "steel OR aluminium");
            await db.SaveChangesAsync();
        }

        var reply = (await new AuditHandler(_database.Open()).HandleAsync(Parse("audit 1"), Channel, CancellationToken.None)).Plain();

        Assert.Equal("The latest 1 admin action(s):\n• 2026-03-20 12:01Z slack:T1/U1 RuleEdit rule steel v2: steel → steel OR aluminium", reply);
    }

    [Theory]
    [InlineData("audit 0")]
    [InlineData("audit 51")]
    [InlineData("audit many")]
    public async Task A_count_outside_1_to_50_is_a_usage_error(string text)
    {
        var error = await Assert.ThrowsAsync<UsageException>(() => new AuditHandler(_database.Open()).HandleAsync(Parse(text), Channel, CancellationToken.None));

        Assert.Equal("Give how many entries to show, 1 to 50 (default 10).", error.Message);
    }
}
