using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// The pipeline's main paths on each storage provider: the same model and queries must behave the same on SQLite
/// and PostgreSQL (JSON vs array columns, ticks, bulk updates), so ingest, delivery and the chat commands run on both.
/// </summary>
public sealed class ProviderSpecs : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");
    private FeedServer _feeds = null!;
    private FakeSlackApi _slack = null!;
    private TradeAlertBotFactory? _host;

    public async Task InitializeAsync()
    {
        _feeds = await FeedServer.StartAsync();
        _slack = await FakeSlackApi.StartAsync(Token);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _slack.DisposeAsync();
        await _feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    private async Task<TradeAlertBotFactory> StartAsync(string provider)
    {
        _host = await TradeAlertBotFactory.OnAsync(provider, _database, new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["DataProtection:KeysPath"] = _keys,
        });
        _ = _host.Server; // start the host: migrate, seed, job server
        return _host;
    }

    private static Task DispatchAsync(TradeAlertBotFactory host) => host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));

    private static async Task<string> ReplyTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("text").GetString()!;
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_polled_feed_becomes_stories_and_one_delivery_per_subscribed_channel(string provider)
    {
        var host = await StartAsync(provider);
        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff, TradeNews.ExportControl, TradeNews.Electricity));
        await Scenario.AddFeedAsync(host, _feeds.Url("/wire.xml"));
        await Scenario.AddTestDestinationAsync(host, "C-TARIFFS", "new-tariffs");
        await Scenario.AddTestDestinationAsync(host, "C-EXPORTS", "export-controls");

        await DispatchAsync(host);
        await host.WaitForQuietAsync();

        Assert.Equal(3, await host.WithDbAsync(db => db.Items.CountAsync()));
        Assert.Equal(3, await host.WithDbAsync(db => db.Stories.CountAsync()));
        Assert.Equal(2, await host.WithDbAsync(db => db.Deliveries.CountAsync(
            d => d.State == DeliveryState.Sent && (d.Destination!.Address == "C-TARIFFS" || d.Destination!.Address == "C-EXPORTS"))));
        var sent = host.Sender.Sent.ToList();
        Assert.Contains(sent, s => s.Address == "C-TARIFFS" && s.Alert.Title == TradeNews.Tariff.Title);
        Assert.Contains(sent, s => s.Address == "C-EXPORTS" && s.Alert.Title == TradeNews.ExportControl.Title);
        Assert.Equal(2, sent.Count(s => s.Address is "C-TARIFFS" or "C-EXPORTS"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_alert_is_posted_to_slack_exactly_once(string provider)
    {
        var host = await StartAsync(provider);
        var send = new SlackCommandSender(host.CreateClient(), Secret);
        Assert.Contains("Subscribed", await ReplyTextAsync(await send.CommandAsync("subscribe new-tariffs", channel: "C-TARIFFS")));
        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        await Scenario.AddFeedAsync(host, _feeds.Url("/wire.xml"));

        await DispatchAsync(host);
        await host.WaitForQuietAsync();
        await Scenario.MakeFeedsDueAsync(host);
        await DispatchAsync(host); // a second poll of the same feed must not post again
        await host.WaitForQuietAsync();

        var message = Assert.Single(_slack.Messages());
        Assert.Equal("C-TARIFFS", message.Channel);
        Assert.Contains(TradeNews.Tariff.Title, message.Text);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Subscribe_latest_and_search_answer_through_the_router(string provider)
    {
        var host = await StartAsync(provider);
        var send = new SlackCommandSender(host.CreateClient(), Secret);
        Assert.Contains("Subscribed", await ReplyTextAsync(await send.CommandAsync("subscribe new-tariffs", channel: "C1")));
        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff, TradeNews.ExportControl));
        await Scenario.AddFeedAsync(host, _feeds.Url("/wire.xml"));
        await DispatchAsync(host);
        await host.WaitForQuietAsync();

        // "latest CATEGORY" looks the category up inside the stored list (a JSON array on SQLite, an array on PostgreSQL).
        Assert.Contains(TradeNews.Tariff.Title, await ReplyTextAsync(await send.CommandAsync("latest new-tariffs", channel: "C1")));
        Assert.DoesNotContain(TradeNews.ExportControl.Title, await ReplyTextAsync(await send.CommandAsync("latest new-tariffs", channel: "C1")));
        Assert.Contains("No alerts yet for that filter", await ReplyTextAsync(await send.CommandAsync("latest new-tariffs ZW", channel: "C1")));
        Assert.Contains("new-tariffs", await ReplyTextAsync(await send.CommandAsync("subscriptions", channel: "C1")));

        await send.CommandAsync("search tariff*", responseUrl: _slack.ResponseUrl("r1").AbsoluteUri);
        await host.WaitUntilAsync(_ => Task.FromResult(_slack.Calls.Any(c => c.Method == "response/r1")));
        Assert.Contains(TradeNews.Tariff.Title, _slack.Calls.First(c => c.Method == "response/r1").Body.ToJsonString());
    }
}
