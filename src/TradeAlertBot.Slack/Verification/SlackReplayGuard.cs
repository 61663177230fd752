using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace TradeAlertBot.Slack.Verification;

/// <summary>
/// Remembers what Slack already sent — a request's signature, an Events API event id — for as long as the request
/// could be replayed (Slack's 5-minute window on either side of now), so a captured request or a retry runs once.
/// The memory is bounded (<c>Slack:ReplayCacheSize</c> entries); when full, new keys are not remembered until old
/// ones expire, and the timestamp check still limits a replay to the window.
/// </summary>
public sealed class SlackReplayGuard(IOptions<SlackOptions> options) : IDisposable
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(10);
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.ReplayCacheSize) });
    private readonly Lock _gate = new();

    /// <summary>True the first time <paramref name="key"/> is seen within the window; false for a repeat.</summary>
    public bool FirstTime(string key)
    {
        lock (_gate)
        {
            if (_seen.TryGetValue(key, out _))
            {
                return false;
            }

            _seen.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remember });
            return true;
        }
    }

    public void Dispose() => _seen.Dispose();
}
