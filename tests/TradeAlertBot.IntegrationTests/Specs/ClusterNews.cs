using TradeAlertBot.IntegrationTests.Fakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// Tariff stories, each reported by several outlets in its own words: feed <c>f</c> carries stories <c>f mod n</c>
/// and <c>(f + 3) mod n</c>, so every story arrives through several feeds polled by different nodes at the same time.
/// A story is told apart in an alert by its product, which no other story names.
/// </summary>
internal static class ClusterNews
{
    public sealed record Story(string Product, string Country, int Rate, string Detail);

    public static readonly IReadOnlyList<Story> Stories = MakeStories();

    public static string Feed(int feed, DateTimeOffset published) => Rss.Feed($"Outlet {feed}",
        Report(feed, Stories[feed % Stories.Count], published),
        Report(feed, Stories[(feed + 3) % Stories.Count], published));

    private static Rss.Item Report(int feed, Story story, DateTimeOffset published) => new(
        $"outlet-{feed}-{story.Product.Replace(' ', '-')}",
        (feed % 3) switch
        {
            0 => $"US imposes {story.Rate}% tariff on {story.Product} from {story.Country}",
            1 => $"{story.Country} faces {story.Rate}% US tariff on {story.Product}",
            _ => $"Washington slaps {story.Rate}% duty on {story.Product} imports from {story.Country}",
        },
        $"The United States will impose a {story.Rate}% tariff on {story.Product} imports from {story.Country}, effective "
        + $"next month, the White House said. {story.Detail} Outlet {feed} reported.",
        published);

    // Made-up words make each story's text its own, so that only its reports cluster together.
    private static List<Story> MakeStories()
    {
        var random = new Random(15);
        string[] products = ["steel pipes", "aluminium foil", "copper wire", "solar panels", "ball bearings", "lithium batteries", "glass fibre", "rice cookers"];
        string[] countries = ["China", "Vietnam", "Mexico", "Canada", "India", "Japan", "Brazil", "Turkey"];
        return [.. products.Select((product, i) => new Story(product, countries[i], 20 + 5 * i, string.Join(' ', Enumerable.Range(0, 40)
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(4, 9)).Select(_ => (char)('a' + random.Next(26)))])))))];
    }
}
