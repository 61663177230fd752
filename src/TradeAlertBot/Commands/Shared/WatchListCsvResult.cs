using TradeAlertBot.Core.Watching;

namespace TradeAlertBot.Commands.Shared;

/// <summary>What a watch-list CSV held: the entries that checked out, and one error per row that did not.</summary>
public sealed record WatchListCsvResult(IReadOnlyList<WatchEntry> Entries, IReadOnlyList<WatchListCsvError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
