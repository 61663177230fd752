using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TradeAlertBot.Feeds.Fetching;

/// <summary>
/// Limits concurrent fetches: at most <see cref="FeedsOptions.MaxConcurrentFetches"/> in all and
/// <see cref="FeedsOptions.MaxConcurrentPerHost"/> per host, so a thousand feeds on one publisher don't hammer it
/// and a burst of due feeds doesn't exhaust sockets. Waiting is asynchronous: no worker thread is blocked.
/// </summary>
public sealed class FetchThrottle(IOptions<FeedsOptions> options)
{
    private readonly SemaphoreSlim _global = new(options.Value.MaxConcurrentFetches);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a slot for <paramref name="url"/>'s host; dispose the result to free it.</summary>
    public async Task<IDisposable> AcquireAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = _hosts.GetOrAdd(url.IsFile ? "" : url.Host, _ => new SemaphoreSlim(options.Value.MaxConcurrentPerHost));
        await host.WaitAsync(cancellationToken);
        try
        {
            await _global.WaitAsync(cancellationToken);
        }
        catch
        {
            host.Release();
            throw;
        }

        return new Slot(host, _global);
    }

    private sealed class Slot(SemaphoreSlim host, SemaphoreSlim global) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                global.Release();
                host.Release();
            }
        }
    }
}
