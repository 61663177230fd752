namespace TradeAlertBot.TestFakes;

/// <summary>A channel's state in <see cref="FakeSlackApi"/>: archived, or without the bot, refuses posts as Slack does.</summary>
public sealed record FakeSlackChannel(bool IsArchived, bool IsMember);
