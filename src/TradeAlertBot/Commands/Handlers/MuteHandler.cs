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
        var until = new ChannelSettings(db, audit).Mute(destination, arg, time.GetUtcNow(), AuditActor.Chat(context));
        await db.SaveChangesAsync(ct);
        return until is null
            ? CommandReply.Say("Unmuted: alerts resume now, held ones included.", isPublic: true)
            : CommandReply.Say($"Muted for {arg}: alerts are held and arrive after {until:HH:mm} UTC.", isPublic: true);
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
