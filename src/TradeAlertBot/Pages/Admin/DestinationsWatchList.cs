using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>
/// A destination's watch list as CSV on the destinations page: the same reader, checks and all-or-nothing import as
/// the CLI's <c>watch import</c> (<see cref="WatchListCsv"/>, <see cref="WatchListEntries"/>), audited as the web session.
/// </summary>
public static class DestinationsWatchList
{
    /// <summary>A watch list of the most entries allowed is a few KB; anything much larger is not one.</summary>
    public const int MaxBytes = 256 * 1024;

    private const int ErrorsShown = 10;

    /// <summary>Stages the file's new entries (saved by the caller) and says what happened.</summary>
    /// <exception cref="UsageException">No file, too large, a bad row (nothing is imported), or a list over its cap.</exception>
    public static async Task<string> ImportAsync(
        TradeAlertDbContext db, AuditLog audit, AuditActor actor, Destination destination, IFormFile? file, DateTimeOffset now, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw new UsageException("Choose a CSV file to import (header hs,product,country,label).");
        }

        if (file.Length > MaxBytes)
        {
            throw new UsageException($"That file is {file.Length / 1024} KB; a watch-list CSV may be at most {MaxBytes / 1024} KB.");
        }

        string text;
        using (var reader = new StreamReader(file.OpenReadStream()))
        {
            text = await reader.ReadToEndAsync(ct);
        }

        var parsed = WatchListCsv.Parse(text);
        if (!parsed.IsValid)
        {
            var shown = string.Join("; ", parsed.Errors.Take(ErrorsShown));
            var more = parsed.Errors.Count > ErrorsShown ? $"; and {parsed.Errors.Count - ErrorsShown} more" : "";
            throw new UsageException($"Nothing imported: {parsed.Errors.Count} bad row(s): {shown}{more}.");
        }

        var existing = await WatchListEntries.ForAsync(db, destination.Id, ct);
        var (added, known) = WatchListEntries.Add(db, audit, actor, destination, existing, parsed.Entries, now);
        return $"Imported {added} watch-list entr{(added == 1 ? "y" : "ies")}" + (known > 0 ? $"; {known} already on the list." : ".");
    }

    /// <summary>The list as the CLI's <c>watch export</c> writes it.</summary>
    public static async Task<string> ExportAsync(TradeAlertDbContext db, long destinationId, CancellationToken ct) =>
        WatchListCsv.Format((await WatchListEntries.ForAsync(db, destinationId, ct)).Select(e => e.ToEntry()));
}
