using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Admin;
using TradeAlertBot.Audit;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Tests.Commands.Handlers;

namespace TradeAlertBot.Tests.Audit;

public sealed class AuditPruneJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Entries_older_than_the_retention_go_and_newer_ones_and_rule_versions_stay()
    {
        await using (var db = _database.Open())
        {
            var audit = new AuditLog(db, _time);
            audit.Stage(AuditActor.Cli, AuditAction.FeedAdd, "feed old");
            db.RuleVersions.Add(new RuleVersion { RuleName = "steel", Version = 1, Query = "steel", Author = "cli", At = _time.GetUtcNow() });
            _time.Advance(TimeSpan.FromDays(2));
            audit.Stage(AuditActor.Cli, AuditAction.FeedAdd, "feed recent");
            await db.SaveChangesAsync();
        }

        _time.Advance(TimeSpan.FromDays(29));
        var options = Options.Create(new AdminOptions { AuditRetention = TimeSpan.FromDays(30) });
        var pruned = await new AuditPruneJob(_database.Open(), options, _time, NullLogger<AuditPruneJob>.Instance).RunAsync(CancellationToken.None);

        Assert.Equal(1, pruned);
        Assert.Equal("feed recent", (await _database.Open().AuditLog.SingleAsync()).Target);
        Assert.Equal(1, await _database.Open().RuleVersions.CountAsync());
    }
}
