namespace TradeAlertBot.Core.Threads;

/// <summary>One reminder of an alert's thread: the event it reports (once per alert), its text and when it is due.</summary>
public sealed record PlannedReminder(string EventKey, string Text, DateTimeOffset DueAt);
