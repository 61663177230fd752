namespace TradeAlertBot.Slack.Verification;

/// <summary>The outcome of checking a request's Slack signature; anything but <see cref="Valid"/> is refused (401).</summary>
public enum SignatureCheck
{
    Valid,
    MissingHeaders,
    BadTimestamp,
    Stale,
    Mismatch,
}
