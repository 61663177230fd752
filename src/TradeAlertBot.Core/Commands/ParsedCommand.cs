namespace TradeAlertBot.Core.Commands;

/// <summary>The outcome of parsing a command line: a <see cref="Command"/>, or an explanation of why it is none.</summary>
public abstract record ParsedCommand
{
    /// <summary>True for a scan (search, rule test) that may take longer than a chat's 3-second ack.</summary>
    public bool IsSlow => this is Command { Spec.Slow: true };

    /// <summary>Not a command: <see cref="Suggestion"/> is the closest one, if any is close.</summary>
    public sealed record Unknown(string Typed, CommandSpec? Suggestion) : ParsedCommand;
}
