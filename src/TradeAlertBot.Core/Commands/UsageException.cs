namespace TradeAlertBot.Core.Commands;

/// <summary>
/// A command's arguments are missing or malformed; the message says which. Text between backticks is shown as code
/// (<see cref="ReplyLine.Quoted"/>), so a message reads the same in chat, on the admin page and in the CLI.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
