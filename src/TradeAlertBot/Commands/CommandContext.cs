namespace TradeAlertBot.Commands;

/// <summary>
/// Who runs a command and where: <paramref name="DestinationKind"/> + <paramref name="Address"/> is the channel's
/// destination ("slack" + channel id), <paramref name="UserId"/> the platform's user id.
/// </summary>
public sealed record CommandContext(string Platform, string DestinationKind, string Address, string UserId, string? TeamId = null);

/// <summary>A command's answer, in chat markdown (user text already escaped), with optional buttons.</summary>
public sealed record CommandReply(string Text, IReadOnlyList<ReplyButton>? Buttons = null, bool Public = false);

/// <summary>A button under a reply: the platform sends <paramref name="ActionId"/> and <paramref name="Value"/> back.</summary>
public sealed record ReplyButton(string Label, string ActionId, string Value);
