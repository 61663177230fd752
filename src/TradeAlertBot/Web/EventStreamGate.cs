using Microsoft.Extensions.Options;

namespace TradeAlertBot.Web;

/// <summary>Counts open /events streams so they stay under <see cref="EventStreamOptions.MaxEventStreams"/>.</summary>
public sealed class EventStreamGate(IOptions<EventStreamOptions> options)
{
    private int _open;

    /// <summary>A slot for one stream, or null when all are taken; disposing the slot frees it.</summary>
    public IDisposable? TryEnter()
    {
        if (Interlocked.Increment(ref _open) > options.Value.MaxEventStreams)
        {
            Interlocked.Decrement(ref _open);
            return null;
        }

        return new Slot(this);
    }

    private sealed class Slot(EventStreamGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref gate._open);
            }
        }
    }
}
