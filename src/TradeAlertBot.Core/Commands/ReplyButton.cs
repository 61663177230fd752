namespace TradeAlertBot.Core.Commands;

/// <summary>
/// A button under a reply: the platform sends <paramref name="ActionId"/> and <paramref name="Value"/> back, and
/// <see cref="ChatActions"/> turns them into a command.
/// </summary>
public sealed record ReplyButton(string Label, string ActionId, string Value);
