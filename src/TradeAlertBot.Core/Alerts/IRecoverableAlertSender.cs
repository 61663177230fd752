namespace TradeAlertBot.Core.Alerts;

/// <summary>
/// A sender that tags each post with its delivery id and can look that tag up later, so an attempt interrupted
/// between posting and recording (a crash) is found instead of posted twice. Slack does it with message metadata.
/// </summary>
public interface IRecoverableAlertSender
{
    /// <summary>Posts <paramref name="alert"/> tagged with <paramref name="deliveryId"/>; returns the message id.</summary>
    Task<string> SendAsync(string address, Alert alert, long deliveryId, CancellationToken ct);

    /// <summary>
    /// The message id of a post tagged with <paramref name="deliveryId"/> between <paramref name="from"/> and
    /// <paramref name="to"/> (the uncertain attempt's time window), if one exists. Throws rather than answering null
    /// when it could not look (a rate limit): null means "not posted" and leads to a new post.
    /// </summary>
    Task<string?> FindSentAsync(string address, long deliveryId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}
