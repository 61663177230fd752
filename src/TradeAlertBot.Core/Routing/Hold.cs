namespace TradeAlertBot.Core.Routing;

/// <summary>Why alerts to a destination wait ("mute", "quiet", "storm", "digest") and until when.</summary>
public sealed record Hold(string Reason, DateTimeOffset Until);
