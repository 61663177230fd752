using System.Net;
using System.Text.Json;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>A Slack channel whose only subscription is its watch list: chat commands in, one Block Kit alert out.</summary>
public sealed class WatchListSpecs : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");
    private FeedServer _feeds = null!;
    private FakeSlackApi _slack = null!;
    private TradeAlertBotFactory _host = null!;
    private SlackCommandSender _send = null!;

    private static readonly Rss.Item SolarCells = new("fr-2026-01234",
        "Antidumping duties on crystalline silicon photovoltaic cells",
        "Commerce sets duties on cells classified under HTSUS subheading 8541.43.00, whether or not assembled into modules.",
        TradeNews.Published);

    private static readonly Rss.Item Vehicles = new("fr-2026-05678",
        "Adjusting imports of passenger vehicles",
        "The proclamation adjusts duties on passenger vehicles of heading 8703 and certain parts.",
        TradeNews.Published);

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _slack = await FakeSlackApi.StartAsync(Token);
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["DataProtection:KeysPath"] = _keys,
        });
        _send = new SlackCommandSender(_host.CreateClient(), Secret);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        await _feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [Fact]
    public async Task A_channel_watching_a_heading_is_told_of_a_document_naming_a_code_under_it_and_not_of_another()
    {
        Assert.Contains("now watches 8541 solar cells", await ReplyTextAsync(await _send.CommandAsync("watch add hs:8541 solar cells", channel: "C-WATCH")));
        Assert.Contains("Subscribed this channel to `watchlist`", await ReplyTextAsync(await _send.CommandAsync("subscribe watchlist", channel: "C-WATCH")));
        Assert.Contains("1. 8541 solar cells", await ReplyTextAsync(await _send.CommandAsync("watch list", channel: "C-WATCH")));

        _feeds.Serve("/fr.xml", Rss.Feed("Federal Register", SolarCells, Vehicles));
        await Scenario.AddFeedAsync(_host, _feeds.Url("/fr.xml"));
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitForQuietAsync();

        var message = Assert.Single(_slack.Messages());
        Assert.Equal("C-WATCH", message.Channel);
        Assert.Equal(":eyes: *Your watch list: 8541 solar cells*", message.Blocks![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains(SolarCells.Title, message.Text);
    }

    private static async Task<string> ReplyTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("text").GetString()!;
    }
}
