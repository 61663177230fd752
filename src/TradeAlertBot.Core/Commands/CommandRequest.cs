namespace TradeAlertBot.Core.Commands;

/// <summary>
/// A command to run and where to answer it, from either platform: typed <paramref name="Text"/>, or a button click
/// (<paramref name="ActionId"/> and <paramref name="ActionValue"/>, read through <see cref="ChatActions"/>).
/// </summary>
public sealed record CommandRequest(CommandContext Context, string Text, ReplyTarget ReplyTo, string? ActionId = null, string? ActionValue = null)
{
    /// <summary>A button click as a request; its command is <see cref="ChatActions.ToCommand"/> of the two.</summary>
    public static CommandRequest Click(CommandContext context, string actionId, string value, ReplyTarget replyTo) =>
        new(context, "", replyTo, actionId, value);

    /// <summary>The command, or null for a click that stands for none (an unknown action, a malformed value).</summary>
    public ParsedCommand? Parse() => ActionId is null ? CommandParser.Parse(Text) : ChatActions.ToCommand(ActionId, ActionValue ?? "");

    /// <inheritdoc cref="ParsedCommand.IsSlow"/>
    public bool IsSlow => Parse()?.IsSlow == true;
}
