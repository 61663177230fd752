using System.Threading.Channels;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Deliveries;

/// <summary>Fan-out of alerts to the browsers watching the local page (server-sent events).</summary>
public sealed class AlertStream
{
    private readonly Lock _lock = new();
    private readonly List<Channel<Alert>> _listeners = [];

    public void Publish(Alert alert)
    {
        lock (_lock)
        {
            foreach (var listener in _listeners)
            {
                // A slow browser loses its oldest pending alerts rather than holding up delivery.
                listener.Writer.TryWrite(alert);
            }
        }
    }

    public async IAsyncEnumerable<Alert> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<Alert>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_lock)
        {
            _listeners.Add(channel);
        }

        try
        {
            await foreach (var alert in channel.Reader.ReadAllAsync(ct))
            {
                yield return alert;
            }
        }
        finally
        {
            lock (_lock)
            {
                _listeners.Remove(channel);
            }
        }
    }
}
