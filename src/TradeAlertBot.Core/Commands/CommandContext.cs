namespace TradeAlertBot.Core.Commands;

/// <summary>
/// Who runs a command and where: <paramref name="DestinationKind"/> + <paramref name="Address"/> is the channel's
/// destination ("slack" + workspace/channel), <paramref name="UserId"/> the platform's user id and
/// <paramref name="TeamId"/> the Slack workspace or Teams tenant the user id belongs to.
/// </summary>
public sealed record CommandContext(string Platform, string DestinationKind, string Address, string UserId, string? TeamId = null);
