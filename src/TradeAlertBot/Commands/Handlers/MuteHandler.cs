using System.Globalization;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>mute 2h|30m|1d|off</c>: alerts due while muted are held and arrive when the mute ends.</summary>
public sealed class MuteHandler(TradeAlertDbContext db, TimeProvider time, AuditLog audit) : ICommandHandler
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    public CommandSpec Spec { get; } = CommandCatalog.Named("mute");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var arg = command.Args.Count == 1 ? command.Args[0].ToLowerInvariant() : throw new UsageException("Say how long, e.g. `mute 2h`, or `mute off`.");
        var destination = (await ChannelDestination.FindAsync(db, context, create: true, ct))!;
        var before = AuditTargets.ChannelSettings(destination);
        if (arg == "off")
        {
            destination.MutedUntil = null;
            audit.StageSettings(AuditActor.Chat(context), destination, before);
            await db.SaveChangesAsync(ct);
            return CommandReply.Say("Unmuted: alerts resume now, held ones included.", isPublic: true);
        }

        var duration = ParseDuration(arg) ?? throw new UsageException($"`{ChatText.Clip(arg, 20)}` is not a duration like 30m, 2h or 1d (at most 7d).");
        destination.MutedUntil = time.GetUtcNow() + duration;
        audit.StageSettings(AuditActor.Chat(context), destination, before);
        await db.SaveChangesAsync(ct);
        return CommandReply.Say($"Muted for {arg}: alerts are held and arrive after {destination.MutedUntil:HH:mm} UTC.", isPublic: true);
    }

    /// <summary>"30m", "2h", "1d": a positive whole number of minutes, hours or days, up to 7 days; else null.</summary>
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
        return duration <= Longest ? duration : null;
    }
}
