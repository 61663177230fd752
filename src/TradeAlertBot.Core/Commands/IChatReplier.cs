namespace TradeAlertBot.Core.Commands;

/// <summary>Sends a command's answer back on one chat platform, to where the command came from (<see cref="ReplyTarget"/>).</summary>
public interface IChatReplier
{
    /// <summary>The platform served (<see cref="CommandContext.Platform"/>).</summary>
    string Platform { get; }

    Task ReplyAsync(CommandContext context, ReplyTarget target, CommandReply reply, CancellationToken ct);
}
