using Microsoft.Extensions.Options;
using TradeAlertBot.Commands;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Tests.Commands.Shared;

public sealed class QueryLimiterTests
{
    private static readonly CommandContext Alice = new("slack", "slack", "C1", "U-ALICE", "T1");

    [Fact]
    public void A_user_gets_the_set_number_of_scans_per_window_then_is_told_when_to_retry()
    {
        using var limiter = new QueryLimiter(Options.Create(new QueryOptions { QueriesPerUser = 5, QueryWindow = TimeSpan.FromMinutes(1) }));

        var allowed = Enumerable.Range(0, 5).Select(_ => limiter.TryStart(Alice, out TimeSpan _)).ToList();
        var sixth = limiter.TryStart(Alice, out var retryAfter);

        Assert.All(allowed, Assert.True);
        Assert.False(sixth);
        Assert.InRange(retryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Users_are_limited_separately_and_the_same_id_in_another_workspace_is_another_user()
    {
        using var limiter = new QueryLimiter(Options.Create(new QueryOptions { QueriesPerUser = 1 }));

        Assert.True(limiter.TryStart(Alice, out _));
        Assert.False(limiter.TryStart(Alice, out _));
        Assert.True(limiter.TryStart(Alice with { UserId = "U-BOB" }, out _));
        Assert.True(limiter.TryStart(Alice with { TeamId = "T2" }, out _));
        Assert.True(limiter.TryStart(Alice with { Platform = "teams" }, out _));
    }
}
