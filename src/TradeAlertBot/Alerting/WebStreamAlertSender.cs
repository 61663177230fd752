using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Alerting;

/// <summary>Pushes alerts to the local page's live stream.</summary>
public sealed class WebStreamAlertSender(AlertStream stream) : IAlertSender
{
    public string Kind => "web";

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
}
