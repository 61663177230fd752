using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Handlers;

/// <summary>
/// <c>upcoming</c>: the effective dates and comment deadlines of the next <see cref="Days"/> days among the actions
/// this channel was alerted to (what its subscriptions routed here), soonest first.
/// </summary>
public sealed class UpcomingHandler(TradeAlertDbContext db, TimeProvider time) : ICommandHandler
{
    public const int Days = 30;

    // Enough for a month of a busy channel; the rest is named as a count.
    private const int MaxLines = 40;

    public CommandSpec Spec { get; } = CommandCatalog.Named("upcoming");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var destination = await ChannelDestination.FindAsync(db, context, create: false, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var until = today.AddDays(Days);
        var stories = destination is null ? [] : await db.Deliveries.AsNoTracking()
            .Where(d => d.DestinationId == destination.Id && d.State != DeliveryState.Dead)
            .Select(d => d.Story!)
            .Where(s => (s.EffectiveOn >= today && s.EffectiveOn <= until) || (s.CommentsCloseOn >= today && s.CommentsCloseOn <= until))
            .Select(s => new { s.Title, s.Link, s.EffectiveOn, s.CommentsCloseOn })
            .ToListAsync(ct);
        var dates = stories
            .SelectMany(s => new[] { (Day: s.EffectiveOn, What: "takes effect", s.Title, s.Link), (Day: s.CommentsCloseOn, What: "comments close", s.Title, s.Link) })
            .Where(d => d.Day >= today && d.Day <= until)
            .OrderBy(d => d.Day).ThenBy(d => d.Title, StringComparer.Ordinal)
            .ToList();
        if (dates.Count == 0)
        {
            return CommandReply.Say($"Nothing takes effect and no comment period closes in the next {Days} days among this channel's alerts.");
        }

        var reply = new ReplyBuilder();
        reply.Paragraph().Strong($"The next {Days} days").Text($" ({dates.Count} date{(dates.Count == 1 ? "" : "s")})");
        foreach (var (day, what, title, link) in dates.Take(MaxLines))
        {
            var when = day == today ? "today" : DocumentFactLines.Day(day!.Value);
            reply.Bullet().Strong(when).Text($" {what}: ").Link(ChatText.Clip(title, 200), link);
        }

        if (dates.Count > MaxLines)
        {
            reply.Paragraph().Text($"… and {dates.Count - MaxLines} more.");
        }

        return reply.Build();
    }
}
