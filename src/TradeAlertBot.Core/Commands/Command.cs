namespace TradeAlertBot.Core.Commands;

/// <summary>
/// A command parsed once, the same from Slack and Teams, typed or from a button: its spec, the words after its name
/// (<see cref="Args"/>) and that text as typed (<see cref="Rest"/>, so queries keep their syntax).
/// </summary>
public sealed record Command(CommandSpec Spec, IReadOnlyList<string> Args, string Rest) : ParsedCommand
{
    /// <summary>How many results to skip: a scan's "More" button asks for the next page of the same query.</summary>
    public int Offset { get; init; }
}
