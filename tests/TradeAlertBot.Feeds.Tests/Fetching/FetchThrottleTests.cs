using Microsoft.Extensions.Options;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Tests.Fetching;

public class FetchThrottleTests
{
    private static FetchThrottle Throttle(int global, int perHost) =>
        new(Options.Create(new FeedsOptions { MaxConcurrentFetches = global, MaxConcurrentPerHost = perHost }));

    [Fact]
    public async Task A_host_gets_at_most_its_share_of_concurrent_fetches_while_other_hosts_go_ahead()
    {
        var throttle = Throttle(global: 10, perHost: 2);
        using var first = await throttle.AcquireAsync(new Uri("https://a.example/1"), CancellationToken.None);
        using var second = await throttle.AcquireAsync(new Uri("https://A.example/2"), CancellationToken.None);

        var third = throttle.AcquireAsync(new Uri("https://a.example/3"), CancellationToken.None);
        using var otherHost = await throttle.AcquireAsync(new Uri("https://b.example/1"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(third.IsCompleted);
        first.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task The_global_cap_holds_across_hosts()
    {
        var throttle = Throttle(global: 2, perHost: 2);
        using var a = await throttle.AcquireAsync(new Uri("https://a.example/"), CancellationToken.None);
        var b = await throttle.AcquireAsync(new Uri("https://b.example/"), CancellationToken.None);

        var c = throttle.AcquireAsync(new Uri("https://c.example/"), CancellationToken.None);

        Assert.False(c.IsCompleted);
        b.Dispose();
        (await c.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_host_slot_back()
    {
        var throttle = Throttle(global: 1, perHost: 1);
        var held = await throttle.AcquireAsync(new Uri("https://a.example/"), CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => throttle.AcquireAsync(new Uri("https://b.example/"), cancel.Token));

        held.Dispose();
        (await throttle.AcquireAsync(new Uri("https://b.example/"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }
}
