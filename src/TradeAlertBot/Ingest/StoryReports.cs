using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Ingest;

/// <summary>
/// What a classified report does to its story: the first report founds it; a later one bumps the outlet count (once
/// per outlet) and adds the countries and categories it brings, with their reasons.
/// </summary>
internal static class StoryReports
{
    public static Story Found(Feed feed, NormalizedItem item, Core.Classification.Classification classification,
        List<string> categories, DateTimeOffset now)
    {
        var content = AlertContent.From(classification);
        return new Story
        {
            Fingerprint = classification.Fingerprint.ToString(),
            Title = item.Title,
            Link = item.Link,
            Source = feed.Title ?? (Uri.TryCreate(feed.Url, UriKind.Absolute, out var url) && url.Host.Length > 0 ? url.Host : Path.GetFileName(feed.Url)),
            Summary = Summary(item),
            FirstSeenAt = now,
            LastSeenAt = now,
            Published = item.Published,
            Categories = categories,
            Countries = [.. classification.Facts.Countries.Distinct()],
            Content = item.Document is { } document ? content with { Facts = ActionNews.WithDocument(content.Facts, document) } : content,
            Document = item.Document,
            EffectiveOn = item.Document?.EffectiveOn ?? EffectiveInText(classification),
            CommentsCloseOn = item.Document?.CommentsCloseOn,
        };
    }

    /// <summary>
    /// The publication of a document the story knew only from public inspection: its abstract and page replace the
    /// placeholder ("… on public inspection; to be published …") and the inspection link, in the alert and its updates.
    /// </summary>
    public static void Published(Story story, NormalizedItem item)
    {
        if (story.Document is { OnPublicInspection: true } pending && item.Document is { OnPublicInspection: false } published
            && published.DocumentNumber == pending.DocumentNumber && item.Body.Length > 0)
        {
            story.Summary = Summary(item);
            story.Link = item.Link ?? story.Link;
        }
    }

    private static string Summary(NormalizedItem item) => item.Body.Length <= 600 ? item.Body : item.Body[..600] + "…";

    // The effective date the text names ("takes effect on 1 March"), for reminders of an action known from the news.
    public static DateOnly? EffectiveInText(Core.Classification.Classification classification) =>
        classification.Facts.Dates.FirstOrDefault(d => d.IsEffective)?.Date;

    public static async Task JoinAsync(TradeAlertDbContext db, Story story, long feedId,
        Core.Classification.Classification classification, List<string> categories, DateTimeOffset now, CancellationToken ct)
    {
        story.LastSeenAt = now;
        story.EffectiveOn ??= EffectiveInText(classification);
        var sameOutlet = story.Id != 0 && await db.Items.AnyAsync(i => i.StoryId == story.Id && i.FeedId == feedId, ct);
        if (!sameOutlet && story.Id != 0)
        {
            story.OutletCount++;
        }

        var newCountries = classification.Facts.Countries.Except(story.Countries).ToList();
        if (newCountries.Count > 0)
        {
            story.Countries = [.. story.Countries, .. newCountries]; // a new list, as for categories below
        }

        var gained = categories.Except(story.Categories).ToList();
        if (gained.Count == 0)
        {
            return; // the common case: another outlet, the same categories
        }

        story.Categories = [.. story.Categories, .. gained]; // a new list: the change is seen and stored

        // The story's alert says why for every category it is filed under, also one it gained from this report
        // (a story founded by a report that matched nothing would otherwise alert with no reason).
        var stored = story.Content;
        var report = AlertContent.From(classification);
        story.Content = stored with
        {
            Reasons = [.. stored.Reasons, .. report.Reasons.Where(r => gained.Contains(r.Rule))],
            Facts = stored.Facts.Count > 0 ? stored.Facts : report.Facts,
        };
    }
}
