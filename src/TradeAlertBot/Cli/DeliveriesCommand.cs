using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Cli;

/// <summary>
/// <c>deliveries list|replay</c>: the outbox. Replay puts unsent rows back to Pending for the dispatch sweep; a Sent
/// row is never touched, so a replay cannot post an alert twice.
/// </summary>
internal static class DeliveriesCommand
{
    private const int DefaultLimit = 50;

    public static Command Create(CliConsole console)
    {
        var state = new Option<string?>("--state") { Description = "Only rows in this state: pending, sending, sent, failed or dead." };
        var destination = new Option<string?>("--destination") { Description = DestinationArgument.Help };
        var limit = new Option<int>("--limit") { Description = "At most this many rows, newest first.", DefaultValueFactory = _ => DefaultLimit };
        var list = new Command("list", "List outbox rows, newest first.") { state, destination, limit };
        list.SetAction((result, ct) => ListAsync(
            result.GetValue(state), result.GetValue(destination), result.GetValue(limit), console, ct));

        var id = new Argument<long?>("ID") { Description = "The delivery to replay.", Arity = ArgumentArity.ZeroOrOne };
        var of = new Option<string?>("--destination") { Description = "Replay every unsent row of this destination. " + DestinationArgument.Help };
        var replay = new Command("replay", "Put failed, dead or stuck rows back to Pending; the next sweep sends them. Sent rows are skipped.") { id, of };
        replay.SetAction((result, ct) => ReplayAsync(result.GetValue(id), result.GetValue(of), console, ct));

        return new Command("deliveries", "Inspect and replay the alert outbox.") { list, replay };
    }

    private static async Task<int> ListAsync(string? stateText, string? destinationText, int limit, CliConsole console, CancellationToken ct)
    {
        // Names only: Enum.TryParse would also take "2" for Sent.
        var state = Enum.GetValues<DeliveryState>()
            .Select(s => (DeliveryState?)s)
            .FirstOrDefault(s => string.Equals(s.ToString(), stateText, StringComparison.OrdinalIgnoreCase));
        if (stateText is not null && state is null)
        {
            return Usage(console, $"--state must be one of {StateNames}, not '{stateText}'");
        }

        if (limit < 1)
        {
            return Usage(console, $"--limit must be at least 1, not {limit}");
        }

        await using var db = await console.OpenDatabaseAsync(ct);
        var query = db.Deliveries.AsNoTracking().AsQueryable();
        if (destinationText is not null)
        {
            var (found, error) = await DestinationArgument.ResolveAsync(db, destinationText, ct);
            if (found is null)
            {
                return Usage(console, error);
            }

            query = query.Where(d => d.DestinationId == found.Id);
        }

        if (state is { } only)
        {
            query = query.Where(d => d.State == only);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(d => d.Id).Take(limit)
            .Select(d => new { d.Id, d.State, d.Attempts, d.Destination!.Kind, d.Destination.Address, d.Story!.Title, d.CreatedAt, d.LastError })
            .ToListAsync(ct);
        var table = new TextTable("ID", "STATE", "ATTEMPTS", "DESTINATION", "STORY", "CREATED", "LAST ERROR");
        foreach (var r in rows)
        {
            table.Add(r.Id.ToString(), r.State.ToString().ToLowerInvariant(), r.Attempts.ToString(),
                TextTable.Clip($"{r.Kind}:{r.Address}", 32), TextTable.Clip(r.Title, 48),
                r.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'"), TextTable.Clip(r.LastError, 48));
        }

        table.WriteTo(console.Out);
        console.Out.WriteLine(total > rows.Count ? $"{rows.Count} of {total} delivery(ies); --limit shows more" : $"{total} delivery(ies)");
        return 0;
    }

    private static async Task<int> ReplayAsync(long? id, string? destinationText, CliConsole console, CancellationToken ct)
    {
        if ((id is null) == (destinationText is null))
        {
            return Usage(console, "replay: give a delivery ID or --destination, not both");
        }

        await using var db = await console.OpenDatabaseAsync(ct);
        var query = db.Deliveries.AsQueryable();
        if (destinationText is not null)
        {
            var (found, error) = await DestinationArgument.ResolveAsync(db, destinationText, ct);
            if (found is null)
            {
                return Usage(console, error);
            }

            query = query.Where(d => d.DestinationId == found.Id);
        }
        else if (!await db.Deliveries.AnyAsync(d => d.Id == id, ct))
        {
            return Usage(console, $"no delivery {id}");
        }
        else
        {
            query = query.Where(d => d.Id == id);
        }

        var now = console.Time.GetUtcNow();
        var rows = await query.AsNoTracking()
            .Select(d => new { d.Id, d.State, d.SentAt, d.ClaimedUntil, d.Destination!.Kind, d.Destination.Address, d.Destination.Paused })
            .ToListAsync(ct);
        foreach (var sent in rows.Where(r => r.State == DeliveryState.Sent))
        {
            console.Out.WriteLine($"skipped {sent.Id}: already sent{sent.SentAt?.UtcDateTime.ToString(" 'at' yyyy-MM-dd HH:mm'Z'") ?? ""}; replaying it would post the alert twice");
        }

        foreach (var busy in rows.Where(r => r.State == DeliveryState.Sending && r.ClaimedUntil >= now))
        {
            console.Out.WriteLine($"skipped {busy.Id}: a worker is sending it now");
        }

        // The replay is a set-based UPDATE outside the change tracker: it and its audit entry share a transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var replayed = await OutboxReplay.ReplayAsync(db, [.. rows.Select(r => r.Id)], now, ct);
        if (replayed > 0)
        {
            var target = destinationText is null ? $"delivery {id}" : $"deliveries of {destinationText}";
            await new AuditLog(db, console.Time).RecordAsync(AuditActor.Cli, AuditAction.Replay, target, null, $"{replayed} back to pending", ct);
        }

        await transaction.CommitAsync(ct);
        console.Out.WriteLine($"replayed {replayed} delivery(ies); the next sweep sends them");

        foreach (var paused in rows.Where(r => r.Paused && r.State != DeliveryState.Sent).Select(r => $"{r.Kind}:{r.Address}").Distinct())
        {
            console.Out.WriteLine($"note: {paused} is paused; its alerts wait until: destinations resume {paused}");
        }

        return 0;
    }

    private static string StateNames => string.Join(", ", Enum.GetNames<DeliveryState>().Select(n => n.ToLowerInvariant()));

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"deliveries: {message}");
        return 2;
    }
}
