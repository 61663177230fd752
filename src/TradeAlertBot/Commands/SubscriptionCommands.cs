using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands;

/// <summary>The channel's own settings: subscribe, unsubscribe, subscriptions, mute.</summary>
public sealed class SubscriptionCommands(TradeAlertDbContext db, TimeProvider time)
{
    public async Task<CommandReply> SubscribeAsync(CommandContext context, ParsedCommand.Known command, CancellationToken ct)
    {
        var wanted = await ParseAsync(command, ct);
        var destination = await DestinationAsync(context, create: true, ct);
        if (destination!.Subscriptions.Any(s => Same(s, wanted)))
        {
            return new CommandReply($"This channel already gets {Describe(wanted)}.");
        }

        destination.Subscriptions.Add(wanted);
        await db.SaveChangesAsync(ct);
        return new CommandReply($"Subscribed this channel to {Describe(wanted)}. New matching stories will be posted here.", Public: true);
    }

    public async Task<CommandReply> UnsubscribeAsync(CommandContext context, ParsedCommand.Known command, CancellationToken ct)
    {
        var wanted = await ParseAsync(command, ct, mustExist: false);
        var destination = await DestinationAsync(context, create: false, ct);
        var existing = destination?.Subscriptions.FirstOrDefault(s => Same(s, wanted));
        if (existing is null)
        {
            return new CommandReply($"This channel has no subscription to {Describe(wanted)}. See `subscriptions`.");
        }

        db.Subscriptions.Remove(existing);
        await db.SaveChangesAsync(ct);
        return new CommandReply($"Unsubscribed this channel from {Describe(wanted)}.", Public: true);
    }

    public async Task<CommandReply> ListAsync(CommandContext context, CancellationToken ct)
    {
        var destination = await DestinationAsync(context, create: false, ct);
        if (destination is null || destination.Subscriptions.Count == 0)
        {
            return new CommandReply("This channel has no subscriptions. Try `categories`, then `subscribe CATEGORY`.");
        }

        var text = new StringBuilder("*This channel's subscriptions:*\n");
        foreach (var subscription in destination.Subscriptions.OrderBy(s => s.RuleName))
        {
            text.Append("• ").Append(Describe(subscription)).Append('\n');
        }

        if (destination.Paused)
        {
            text.Append($"⚠ Alerts are *paused*: {ChatText.Escape(destination.PausedReason)}. They are kept and sent once this is fixed.\n");
        }

        if (destination.QuietHours is not null)
        {
            text.Append($"Quiet hours: {destination.QuietHours} {destination.TimeZone ?? "UTC"}.\n");
        }

        if (destination.Digest is not null)
        {
            text.Append($"Digest: {destination.Digest} {destination.TimeZone ?? "UTC"}, next at {destination.NextDigestAt:d MMM HH:mm} UTC.\n");
        }

        if (destination.MutedUntil is { } until && until > time.GetUtcNow())
        {
            text.Append($"Muted until {until.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture)} (`mute off` to resume).\n");
        }

        var pending = await db.Deliveries.CountAsync(d => d.DestinationId == destination.Id && d.State != DeliveryState.Sent, ct);
        if (pending > 0)
        {
            text.Append($"{pending} alert(s) waiting to be sent.\n");
        }

        return new CommandReply(text.ToString().TrimEnd());
    }

    /// <summary><c>mute 2h|30m|1d|off</c>: alerts due while muted are held and arrive when the mute ends.</summary>
    public async Task<CommandReply> MuteAsync(CommandContext context, ParsedCommand.Known command, CancellationToken ct)
    {
        var arg = command.Args.Count == 1 ? command.Args[0].ToLowerInvariant() : throw new UsageException("Say how long, e.g. `mute 2h`, or `mute off`.");
        var destination = await DestinationAsync(context, create: true, ct);
        if (arg == "off")
        {
            destination!.MutedUntil = null;
            await db.SaveChangesAsync(ct);
            return new CommandReply("Unmuted: alerts resume now, held ones included.", Public: true);
        }

        var duration = ParseDuration(arg) ?? throw new UsageException($"`{ChatText.Clip(arg, 20)}` is not a duration like 30m, 2h or 1d (at most 7d).");
        destination!.MutedUntil = time.GetUtcNow() + duration;
        await db.SaveChangesAsync(ct);
        return new CommandReply($"Muted for {arg}: alerts are held and arrive after {destination.MutedUntil:HH:mm} UTC.", Public: true);
    }

    /// <summary><c>digest off|hourly|daily HH:mm [time zone]</c>: alerts are held and sent together at those times.</summary>
    public async Task<CommandReply> DigestAsync(CommandContext context, ParsedCommand.Known command, CancellationToken ct)
    {
        var destination = await DestinationAsync(context, create: true, ct);
        if (command.Args is ["off"])
        {
            destination!.Digest = null;
            destination.NextDigestAt = null;
            await db.SaveChangesAsync(ct); // held alerts go out with HeldAlertsJob's next run, their hold being over
            return new CommandReply("Digest off: alerts are posted as they come (held ones arrive with the next sweep, within minutes).", Public: true);
        }

        var zoneId = command.Args.Count == 3 ? command.Args[2] : null;
        var schedule = DigestSchedule.TryParse(string.Join(' ', command.Args.Take(2)))
            ?? throw new UsageException("Say `digest hourly`, `digest daily 09:00` (optionally with a time zone such as Europe/Berlin) or `digest off`.");
        var zone = ZoneArg(zoneId);

        destination!.Digest = schedule.ToString();
        destination.TimeZone = zoneId;
        destination.NextDigestAt = schedule.Next(time.GetUtcNow(), zone);
        await db.SaveChangesAsync(ct);
        var when = TimeZoneInfo.ConvertTime(destination.NextDigestAt.Value, zone);
        return new CommandReply(
            $"Digest {schedule}{(zoneId is null ? " UTC" : " " + zoneId)}: alerts are collected and posted together; the next one at {when.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)}.",
            Public: true);
    }

    /// <summary><c>quiet 22:00-07:00 [time zone]|off</c>: alerts wait during those hours and arrive together afterwards.</summary>
    public async Task<CommandReply> QuietAsync(CommandContext context, ParsedCommand.Known command, CancellationToken ct)
    {
        var destination = await DestinationAsync(context, create: true, ct);
        if (command.Args is ["off"])
        {
            destination!.QuietHours = null;
            await db.SaveChangesAsync(ct);
            return new CommandReply("Quiet hours off.", Public: true);
        }

        var hours = command.Args.Count is 1 or 2 ? QuietHours.TryParse(command.Args[0]) : null;
        if (hours is null)
        {
            throw new UsageException("Say `quiet 22:00-07:00` (optionally with a time zone such as Europe/Berlin) or `quiet off`.");
        }

        var zoneId = command.Args.Count == 2 ? command.Args[1] : destination!.TimeZone;
        _ = ZoneArg(zoneId); // refuses an unknown zone

        (destination!.QuietHours, destination.TimeZone) = (hours.ToString(), zoneId);
        await db.SaveChangesAsync(ct);
        return new CommandReply($"Quiet hours {hours} {zoneId ?? "UTC"}: alerts in those hours are held and posted together afterwards.", Public: true);
    }

    private static TimeZoneInfo ZoneArg(string? id) =>
        id is null ? TimeZoneInfo.Utc
        : TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone
        : throw new UsageException($"`{ChatText.Clip(id, 40)}` is not a time zone; use a name like Europe/Berlin or America/New_York.");

    internal static TimeSpan? ParseDuration(string text)
    {
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        var duration = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => (TimeSpan?)null,
        };
        return duration <= TimeSpan.FromDays(7) ? duration : null;
    }

    private async Task<Subscription> ParseAsync(ParsedCommand.Known command, CancellationToken ct, bool mustExist = true)
    {
        if (command.Args.Count == 0)
        {
            throw new UsageException("Name a category or watch rule (see `categories` and `rules`).");
        }

        var name = command.Args[0].ToLowerInvariant();
        if (mustExist && !await db.Rules.AnyAsync(r => r.Name == name, ct))
        {
            var names = await db.Rules.Select(r => r.Name).ToListAsync(ct);
            throw new UsageException($"There is no category or rule `{ChatText.Clip(name, 60)}`. Known: {string.Join(", ", names.Take(30))}.");
        }

        var subscription = new Subscription { RuleName = name };
        foreach (var arg in command.Args.Skip(1))
        {
            var (key, value) = arg.IndexOf(':') is var colon and > 0 ? (arg[..colon].ToLowerInvariant(), arg[(colon + 1)..]) : ("", "");
            switch (key)
            {
                case "country" when value.Length == 2 && value.All(char.IsAsciiLetter):
                    subscription.Country = value.ToUpperInvariant();
                    break;
                case "product" when value.Length is > 0 and <= 60:
                    subscription.Product = value.Replace('_', ' ').ToLowerInvariant();
                    break;
                case "hs" when value.Length is >= 2 and <= 10 && value.All(char.IsAsciiDigit):
                    subscription.HsCode = value;
                    break;
                default:
                    throw new UsageException($"`{ChatText.Clip(arg, 40)}` is not a filter; use country:XX (two letters), product:NAME or hs:DIGITS.");
            }
        }

        return subscription;
    }

    private async Task<Destination?> DestinationAsync(CommandContext context, bool create, CancellationToken ct)
    {
        var destination = await db.Destinations.Include(d => d.Subscriptions)
            .FirstOrDefaultAsync(d => d.Kind == context.DestinationKind && d.Address == context.Address, ct);
        if (destination is null && create)
        {
            destination = new Destination { Kind = context.DestinationKind, Address = context.Address, TeamId = context.TeamId };
            db.Destinations.Add(destination);
        }

        return destination;
    }

    private static bool Same(Subscription a, Subscription b) =>
        a.RuleName == b.RuleName && a.Country == b.Country && a.Product == b.Product && a.HsCode == b.HsCode;

    private static string Describe(Subscription s) =>
        $"`{ChatText.Escape(s.RuleName)}`"
        + (s.Country is null ? "" : $" in {s.Country}")
        + (s.Product is null ? "" : $" for {ChatText.Escape(s.Product)}")
        + (s.HsCode is null ? "" : $" (HS {s.HsCode})");
}
