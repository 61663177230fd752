namespace TradeAlertBot.Core.Threads;

/// <summary>One message for an alert's thread: the event it reports (its key, once per alert) and its plain text.</summary>
public sealed record ThreadMessage(string EventKey, string Text);
