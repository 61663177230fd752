namespace TradeAlertBot.Core.Alerts;

/// <summary>
/// A sender that tags each post with its delivery id and can look that tag up later, so an attempt interrupted
/// between posting and recording (a crash) is found instead of posted twice. Slack does it with message metadata.
/// </summary>
public interface IRecoverableAlertSender
{
    /// <summary>Posts <paramref name="alert"/> tagged with <paramref name="deliveryId"/>; returns the message id.</summary>
    Task<string> SendAsync(string address, Alert alert, long deliveryId, CancellationToken ct);

    /// <summary>The message id of a post tagged with <paramref name="deliveryId"/> since <paramref name="since"/>, if one exists.</summary>
    Task<string?> FindSentAsync(string address, long deliveryId, DateTimeOffset since, CancellationToken ct);
}
