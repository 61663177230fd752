using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Web.Public;

/// <summary>
/// The public page's reads, each bounded: one page of stories (newest first, older pages by id), at most
/// <see cref="OutletsShown"/> outlets per story, search over the last <see cref="SearchWindow"/> only, and the
/// filter choices from the newest <see cref="FacetSample"/> stories.
/// </summary>
public sealed class PublicStories(TradeAlertDbContext db, TimeProvider time)
{
    public const int PageSize = 30;
    public const int OutletsShown = 8;
    public const int FacetSample = 500;
    public static readonly TimeSpan SearchWindow = TimeSpan.FromDays(90);

    public async Task<StoryPage> LoadAsync(StoryFilter filter, CancellationToken ct)
    {
        var stories = db.Stories.AsNoTracking().Categorized();
        if (filter.Category is { } category)
        {
            stories = stories.InCategory(category);
        }

        if (filter.Country is { } country)
        {
            stories = stories.InCountry(country);
        }

        if (filter.Search is { } search)
        {
            // A parameter compared with instr/strpos: no pattern syntax, so no input can turn it into an expensive one.
            var term = search.ToLowerInvariant();
            var since = time.GetUtcNow() - SearchWindow;
            stories = stories.Where(s => s.FirstSeenAt >= since && (s.Title.ToLower().Contains(term) || s.Summary.ToLower().Contains(term)));
        }

        if (filter.Before is { } before)
        {
            stories = stories.Where(s => s.Id < before);
        }

        var page = await stories.OrderByDescending(s => s.Id).Take(PageSize + 1).ToListAsync(ct);
        var shown = page.Take(PageSize).ToList();
        var outlets = await OutletsAsync([.. shown.Select(s => s.Id)], ct);
        var cards = shown.Select(s => new StoryCard(
            s.Id, s.Title, StoryCard.SafeLink(s.Link), s.FirstSeenAt, StoryCard.EffectiveFrom(s.Content.Facts),
            s.Content.Reasons, s.Content.Facts,
            outlets.TryGetValue(s.Id, out var o) ? o : [new StoryOutlet(s.Source, StoryCard.SafeLink(s.Link))],
            s.OutletCount)).ToList();
        var (categories, countries) = await FacetsAsync(filter, ct);
        return new StoryPage(cards, page.Count > PageSize ? shown[^1].Id : null, categories, countries);
    }

    private async Task<Dictionary<long, List<StoryOutlet>>> OutletsAsync(List<long> storyIds, CancellationToken ct)
    {
        var items = await db.Items.AsNoTracking()
            .Where(i => storyIds.Contains(i.StoryId))
            .OrderBy(i => i.Id)
            .Take(PageSize * OutletsShown * 4)
            .Select(i => new { i.StoryId, Name = i.Feed!.Title ?? i.Feed.Url, i.Link })
            .ToListAsync(ct);
        return items.GroupBy(i => i.StoryId).ToDictionary(
            g => g.Key,
            g => g.DistinctBy(i => i.Name).Take(OutletsShown).Select(i => new StoryOutlet(i.Name, StoryCard.SafeLink(i.Link))).ToList());
    }

    private async Task<(List<string> Categories, List<string> Countries)> FacetsAsync(StoryFilter filter, CancellationToken ct)
    {
        var recent = await db.Stories.AsNoTracking().Categorized()
            .OrderByDescending(s => s.Id)
            .Take(FacetSample)
            .Select(s => new { s.Categories, s.Countries })
            .ToListAsync(ct);
        // The chosen value stays a choice even when the newest stories no longer carry it.
        var categories = recent.SelectMany(r => r.Categories).Append(filter.Category).OfType<string>();
        var countries = recent.SelectMany(r => r.Countries).Append(filter.Country).OfType<string>();
        return ([.. categories.Distinct().Order(StringComparer.Ordinal)], [.. countries.Distinct().OrderBy(CountryNames.Of, StringComparer.Ordinal)]);
    }
}
