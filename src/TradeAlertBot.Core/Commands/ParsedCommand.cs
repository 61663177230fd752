namespace TradeAlertBot.Core.Commands;

/// <summary>The outcome of parsing a command line: a known command with its arguments, or an explanation.</summary>
public abstract record ParsedCommand
{
    /// <summary>A known command; <see cref="Rest"/> is the text after its name, as typed (queries keep their syntax).</summary>
    public sealed record Known(CommandSpec Spec, IReadOnlyList<string> Args, string Rest) : ParsedCommand;

    /// <summary>Not a command: <see cref="Suggestion"/> is the closest one, if any is close.</summary>
    public sealed record Unknown(string Typed, CommandSpec? Suggestion) : ParsedCommand;
}
