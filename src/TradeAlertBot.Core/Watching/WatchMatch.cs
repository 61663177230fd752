namespace TradeAlertBot.Core.Watching;

/// <summary>An entry a report touched; <see cref="BroaderCode"/> is the story's code when it only names a wider one (a chapter or heading).</summary>
public sealed record WatchMatch(WatchEntry Entry, string? BroaderCode)
{
    public string Describe() => BroaderCode is null
        ? Entry.Describe()
        : $"{Entry.Describe()} (the story names all of {Extraction.HsCode.Describe(BroaderCode)})";
}
