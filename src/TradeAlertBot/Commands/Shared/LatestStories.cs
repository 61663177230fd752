using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Commands.Shared;

/// <summary>The newest alerts, optionally of one category and country: <c>latest</c> and an alert's "More like this".</summary>
public static class LatestStories
{
    public const int PageSize = 5;

    public static async Task<CommandReply> ReplyAsync(TradeAlertDbContext db, string? category, string? country, CancellationToken ct)
    {
        var query = db.Stories.AsNoTracking().OrderByDescending(s => s.FirstSeenAt).AsQueryable();
        if (category is not null)
        {
            query = query.InCategory(category);
        }

        if (country is not null)
        {
            query = query.InCountry(country);
        }

        var stories = await query.Take(PageSize).ToListAsync(ct);
        var alerts = stories.Select(AlertFactory.From).ToList();
        if (alerts.Count == 0)
        {
            return CommandReply.Say("No alerts yet" + (category is null && country is null ? "." : " for that filter."));
        }

        var reply = new ReplyBuilder();
        reply.Paragraph().Strong($"Latest{(category is null ? "" : " " + category)}{(country is null ? "" : " in " + country)}:");
        foreach (var alert in alerts)
        {
            Item(reply.Bullet(), alert.Title, alert.Link, alert.Source, alert.Published);
        }

        return reply.Build();
    }

    /// <summary>"• title (linked) — source, 3 Mar 09:00 UTC": one stored item or story in a list.</summary>
    public static void Item(ReplyLine line, string title, string? link, string? source, DateTimeOffset? when)
    {
        line.Link(ChatText.Clip(title, 200), link);
        var tail = string.Join(", ", new[] { source, when?.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture) }.OfType<string>());
        if (tail.Length > 0)
        {
            line.Text(" — " + tail);
        }
    }
}
