using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Cli;

/// <summary><c>destinations list|resume</c>: where alerts go, and un-pausing one the sender paused.</summary>
internal static class DestinationsCommand
{
    public static Command Create(CliConsole console)
    {
        var list = new Command("list", "List destinations with their subscriptions, state and pending alerts.");
        list.SetAction((_, ct) => ListAsync(console, ct));

        var destination = new Argument<string>("DESTINATION") { Description = DestinationArgument.Help };
        var resume = new Command("resume", "Un-pause a destination; its held alerts go out with the next sweep.") { destination };
        resume.SetAction((result, ct) => ResumeAsync(result.GetRequiredValue(destination), console, ct));

        return new Command("destinations", "Inspect destinations and resume paused ones.") { list, resume };
    }

    private static async Task<int> ListAsync(CliConsole console, CancellationToken ct)
    {
        await using var db = await console.OpenDatabaseAsync(ct);
        var rows = await db.Destinations.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new
            {
                Destination = d,
                Subscriptions = d.Subscriptions.Count,
                Pending = db.Deliveries.Count(x => x.DestinationId == d.Id && x.State == DeliveryState.Pending),
            })
            .ToListAsync(ct);
        var now = console.Time.GetUtcNow();
        var table = new TextTable("ID", "KIND", "ADDRESS", "NAME", "SUBS", "STATE", "PENDING");
        foreach (var r in rows)
        {
            var d = r.Destination;
            table.Add(d.Id.ToString(), d.Kind, TextTable.Clip(d.Address, 40), TextTable.Clip(d.Name, 24),
                r.Subscriptions.ToString(), State(d, now), r.Pending.ToString());
        }

        table.WriteTo(console.Out);
        console.Out.WriteLine($"{rows.Count} destination(s)");
        return 0;
    }

    private static string State(Destination d, DateTimeOffset now)
    {
        var parts = new List<string>();
        if (d.Paused)
        {
            parts.Add($"paused: {TextTable.Clip(d.PausedReason ?? "no reason given", 60)}");
        }

        if (d.MutedUntil is { } until && until > now)
        {
            parts.Add($"muted until {until.UtcDateTime:yyyy-MM-dd HH:mm}Z");
        }

        if (d.Digest is { } digest)
        {
            parts.Add(d.NextDigestAt is { } next ? $"digest {digest}, next {next.UtcDateTime:yyyy-MM-dd HH:mm}Z" : $"digest {digest}");
        }

        return parts.Count == 0 ? "ok" : string.Join("; ", parts);
    }

    private static async Task<int> ResumeAsync(string text, CliConsole console, CancellationToken ct)
    {
        await using var db = await console.OpenDatabaseAsync(ct);
        var (destination, error) = await DestinationArgument.ResolveAsync(db, text, ct);
        if (destination is null)
        {
            console.Error.WriteLine($"destinations: {error}");
            return 2;
        }

        var name = DestinationArgument.Describe(destination);
        if (!destination.Paused)
        {
            console.Out.WriteLine($"{name} is not paused");
            return 0;
        }

        new AuditLog(db, console.Time).StageResume(AuditActor.Cli, destination);
        destination.Resume();
        await db.SaveChangesAsync(ct);
        var held = await db.Deliveries.CountAsync(d => d.DestinationId == destination.Id && d.State == DeliveryState.Pending, ct);
        console.Out.WriteLine($"resumed {name}; {held} held alert(s) go out with the next sweep");
        return 0;
    }
}
