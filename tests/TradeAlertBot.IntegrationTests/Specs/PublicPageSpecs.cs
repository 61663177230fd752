using System.Net;
using System.Text.RegularExpressions;
using TradeAlertBot.IntegrationTests.Browser;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>The public alert page's cost stays bounded whatever the query string says.</summary>
public sealed partial class PublicPageSpecs : IAsyncLifetime
{
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private TradeAlertBotFactory _host = null!;

    public Task InitializeAsync()
    {
        _host = new TradeAlertBotFactory(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task Search_text_is_matched_literally_so_wildcards_and_quotes_are_harmless()
    {
        await _host.WithDbAsync(async db =>
        {
            await StorySeed.AddAsync(db, "Duty rises to 50% on steel", "new-tariffs", outlets: "Wire One");
            return await StorySeed.AddAsync(db, "Quota on rice", "new-tariffs", outlets: "Wire Two");
        });
        var client = _host.CreateClient();

        Assert.Equal(1, StoryCount(await client.GetStringAsync("/?q=" + Uri.EscapeDataString("50%"))));
        Assert.Equal(1, StoryCount(await client.GetStringAsync("/?q=" + Uri.EscapeDataString("%"))));
        Assert.Equal(0, StoryCount(await client.GetStringAsync("/?q=" + Uri.EscapeDataString("' OR 1=1 --"))));
        Assert.Equal(0, StoryCount(await client.GetStringAsync("/?q=_"))); // not LIKE's any-character
    }

    [Fact]
    public async Task A_huge_search_string_is_cut_to_the_cap_and_answered()
    {
        var client = _host.CreateClient();
        var huge = string.Concat(Enumerable.Repeat("(a*|%_", 2000));

        var response = await client.GetAsync("/?q=" + Uri.EscapeDataString(huge) + "&country=not-a-country&before=-5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var value = WebUtility.HtmlDecode(SearchValue().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.Equal(huge[..100], value);
    }

    [Fact]
    public async Task A_page_holds_thirty_stories_and_links_to_the_older_ones_keeping_the_filter()
    {
        await _host.WithDbAsync(async db =>
        {
            for (var i = 0; i < 31; i++)
            {
                await StorySeed.AddAsync(db, $"Tariff story {i}", "new-tariffs", outlets: "Wire");
            }

            return await StorySeed.AddAsync(db, "Another category", "export-controls", outlets: "Wire");
        });
        var client = _host.CreateClient();

        var first = await client.GetStringAsync("/?category=new-tariffs");
        Assert.Equal(30, StoryCount(first));
        var older = WebUtility.HtmlDecode(OlderLink().Match(first).Groups[1].Value);
        Assert.Contains("category=new-tariffs", older);
        var second = await client.GetStringAsync(older);
        Assert.Equal(1, StoryCount(second));
        Assert.Contains("Tariff story 0", second);
    }

    private static int StoryCount(string page) => StoryItem().Matches(page).Count;

    [GeneratedRegex("<li class=\"story\" data-story=")]
    private static partial Regex StoryItem();

    [GeneratedRegex("<input id=\"q\" name=\"q\" type=\"search\" value=\"([^\"]*)\"")]
    private static partial Regex SearchValue();

    [GeneratedRegex("<a href=\"([^\"]+)\">Older alerts</a>")]
    private static partial Regex OlderLink();
}
