namespace TradeAlertBot.Core.Commands;

/// <summary>One chat command: its words ("rule add"), usage line, one-line summary and whether only admins may run it.</summary>
public sealed record CommandSpec(string Name, string Usage, string Summary, bool AdminOnly = false, bool Slow = false)
{
    /// <summary>How many words the name has ("rule add" = 2).</summary>
    public int Words { get; } = Name.Count(c => c == ' ') + 1;
}
