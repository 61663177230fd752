namespace TradeAlertBot.Core.Routing;

/// <summary>A destination's settings and state that can hold its alerts, as <see cref="HoldPolicy"/> reads them.</summary>
public sealed record HoldSettings(
    DateTimeOffset? MutedUntil = null,
    string? QuietHours = null,
    string? TimeZone = null,
    DateTimeOffset? StormUntil = null,
    string? Digest = null,
    DateTimeOffset? NextDigestAt = null);
