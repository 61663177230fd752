using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>
/// Spaces requests to the Federal Register API: at most <see cref="FederalRegisterOptions.RequestsPerSecond"/>, all
/// sources and pages together (one token bucket per process), waiting asynchronously for a token.
/// </summary>
public sealed class FederalRegisterPacer : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter;

    public FederalRegisterPacer(IOptions<FederalRegisterOptions> options)
    {
        var perSecond = options.Value.RequestsPerSecond;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, (int)Math.Floor(perSecond)),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / perSecond),
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <exception cref="FeedFetchException">More requests are waiting than the queue holds.</exception>
    public async Task WaitAsync(CancellationToken ct)
    {
        using var lease = await _limiter.AcquireAsync(1, ct);
        if (!lease.IsAcquired)
        {
            throw new FeedFetchException(FeedFetchErrorKind.RateLimited, "federal register: too many requests waiting for their turn; the next poll tries again");
        }
    }

    public void Dispose() => _limiter.Dispose();
}
