using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Deliveries;

/// <summary>Pushes alerts to the local page's live stream.</summary>
public sealed class WebStreamAlertSender(AlertStream stream) : IAlertSender
{
    public string Kind => DestinationKind.Web;

    public Task<string> SendAsync(string address, Alert alert, CancellationToken ct)
    {
        stream.Publish(alert);
        return Task.FromResult($"web-{alert.StoryId}");
    }

    public Task UpdateAsync(string address, string messageId, Alert alert, CancellationToken ct)
    {
        stream.Publish(alert);
        return Task.CompletedTask;
    }

    // The page lists alerts per category; a digest shows there as its alerts.
    public Task<string> SendDigestAsync(string address, IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        foreach (var alert in alerts)
        {
            stream.Publish(alert);
        }

        return Task.FromResult($"web-digest-{alerts[0].StoryId}");
    }
}
