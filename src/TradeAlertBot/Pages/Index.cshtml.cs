using Microsoft.AspNetCore.Mvc.RazorPages;
using TradeAlertBot.Web.Public;

namespace TradeAlertBot.Pages;

/// <summary>The public alert page: recent stories, filtered by category and country, searched, a page at a time.</summary>
public sealed class IndexModel(PublicStories stories) : PageModel
{
    public StoryFilter Filter { get; private set; } = StoryFilter.From(null, null, null, null);

    public StoryPage Stories { get; private set; } = new([], null, [], []);

    public async Task OnGetAsync(string? category, string? country, string? q, long? before, CancellationToken ct)
    {
        Filter = StoryFilter.From(category, country, q, before);
        Stories = await stories.LoadAsync(Filter, ct);
    }

    /// <summary>The link to the next (older) page, keeping the filters.</summary>
    public string OlderLink(long before) => QueryString.Create(new Dictionary<string, string?>
    {
        ["category"] = Filter.Category,
        ["country"] = Filter.Country,
        ["q"] = Filter.Search,
        ["before"] = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
