namespace TradeAlertBot.Commands.Shared;

/// <summary>A bad row: its line in the file (1 is the header) and what is wrong, in plain words.</summary>
public sealed record WatchListCsvError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
