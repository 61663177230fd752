using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// The host the delivery fault specs share: Slack against a scriptable fake, short retry delays and a small storm
/// threshold. The specs are split over several classes so they run in parallel (tests of one class run in turn).
/// </summary>
public abstract class DeliveryFaultHost : IAsyncLifetime
{
    protected const string Secret = "fault-signing-secret";
    protected const string Token = "xoxb-fault";

    private protected string Database { get; } = TradeAlertBotFactory.NewDatabasePath();

    private protected string Keys { get; } = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");

    private protected FeedServer Feeds { get; private set; } = null!;

    private protected FakeSlackApi SlackApi { get; private set; } = null!;

    private protected TradeAlertBotFactory Bot { get; set; } = null!;

    private protected SlackCommandSender Send { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Feeds = await FeedServer.StartAsync();
        SlackApi = await FakeSlackApi.StartAsync(Token);
        Bot = new TradeAlertBotFactory(Database, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = SlackApi.BaseUrl.AbsoluteUri,
            ["DataProtection:KeysPath"] = Keys,
            ["Delivery:RetryDelay"] = "00:00:01",
            ["Delivery:MaxRetryDelay"] = "00:00:02",
            ["Delivery:MaxAttempts"] = "3",
            ["Delivery:StormThreshold"] = "10",
            // Long enough that a slow machine sends the first ten of a burst within one window; the storm spec moves
            // time past its end in the database rather than waiting for it.
            ["Delivery:StormWindow"] = "00:01:00",
            ["Delivery:MinInterval:slack"] = "00:00:00.200",
            // A short wait for a locked database, so the locked-database spec is quick.
            ["ConnectionStrings:Default"] = $"Data Source={Database};Default Timeout=2",
            ["Storage:BusyTimeout"] = "00:00:01",
            // Short, for the timed-out post spec, yet not so short that a loaded machine times out ordinary posts.
            ["Slack:Timeout"] = "00:00:02",
        });
        Send = new SlackCommandSender(Bot.CreateClient(), Secret);
        Assert.Equal(HttpStatusCode.OK, (await Send.CommandAsync("subscribe new-tariffs", channel: "C1")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await SlackApi.DisposeAsync();
        await Feeds.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Database);
        if (Directory.Exists(Keys))
        {
            Directory.Delete(Keys, recursive: true);
        }
    }

    private protected async Task PollAsync(params Rss.Item[] items)
    {
        Feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", items.Length > 0 ? items : [TradeNews.Tariff]));
        await Scenario.AddFeedAsync(Bot, Feeds.Url("/wire.xml"));
        await Bot.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
    }

    private protected Task<Delivery> SlackDeliveryAsync() =>
        Bot.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Destination!.Kind == "slack"));

    // These specs are about what arrives, not how fast (the delivery benchmarks time that): the wait is generous so a
    // loaded CI machine, running other test assemblies beside this one, cannot fail them.
    private protected Task WaitSentAsync(int count) => Bot.WaitUntilAsync(db =>
        db.Deliveries.CountAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Sent).ContinueWith(t => t.Result >= count),
        TimeSpan.FromSeconds(150));

    // The alert is stored while the channel is paused, then held (as a mute would) and the channel resumed, so only
    // HeldAlertsJob sends it.
    private protected async Task<long> HoldOneAlertAsync() => (await HoldAlertsAsync(TradeNews.Tariff)).Single();

    private protected async Task<List<long>> HoldAlertsAsync(params Rss.Item[] items)
    {
        await Bot.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, true)));
        await PollAsync(items);
        await Bot.WaitUntilAsync(db => db.Deliveries.CountAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Pending && d.ClaimedUntil == null)
            .ContinueWith(t => t.Result == items.Length), TimeSpan.FromSeconds(150));
        // A pending row looks the same before its job (or the start-up sweep) has run as after: wait for those jobs
        // to find the channel paused, so none of them is left to post the row once the channel is resumed below.
        await Bot.WaitForJobsAsync();
        var ids = await Bot.WithDbAsync(db => db.Deliveries.Where(d => d.Destination!.Kind == "slack").Select(d => d.Id).ToListAsync());
        await Bot.WithDbAsync(db => db.Deliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.HeldFor, "mute")));
        await Bot.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.Paused, false)));
        return ids;
    }

    private protected async Task ReleaseHeldAsync()
    {
        // Time passes: the channel's rate-limit slot (Delivery:MinInterval) has come.
        await Bot.WithDbAsync(db => db.Destinations.Where(d => d.Kind == "slack").ExecuteUpdateAsync(s => s.SetProperty(d => d.NextSendAt, (DateTimeOffset?)null)));
        await Bot.RunJobAsync<HeldAlertsJob>(job => job.RunAsync(CancellationToken.None));
    }

    private protected async Task<bool> SlackDeliveriesCountedAsync(string outcome, string reason)
    {
        var metrics = await Bot.CreateClient().GetStringAsync("/metrics");
        return metrics.Split('\n').Any(line => line.StartsWith("tradealertbot_deliveries_total{", StringComparison.Ordinal)
            && line.Contains("kind=\"slack\"", StringComparison.Ordinal) && line.Contains($"outcome=\"{outcome}\"", StringComparison.Ordinal)
            && line.Contains($"reason=\"{reason}\"", StringComparison.Ordinal) && !line.EndsWith(" 0", StringComparison.Ordinal));
    }

    // Distinct tariff stories (each its own story: different countries, products and words).
    private protected static Rss.Item StormItem(int n)
    {
        string[] countries = ["Vietnam", "Mexico", "Canada", "India", "Japan", "Brazil", "Turkey", "Chile", "Peru", "Egypt", "Kenya", "Norway"];
        string[] products = ["steel", "aluminium", "solar panels", "shrimp", "furniture", "tyres", "copper", "lumber", "cement", "sugar", "textiles", "batteries"];
        var country = countries[(n - 1) % countries.Length];
        var product = products[(n - 1) % products.Length];
        var words = string.Join(' ', Enumerable.Range(0, 12).Select(w => $"w{n}x{w}"));
        return new Rss.Item($"storm-{n}", $"{country} imposes {10 + n}% tariffs on imported {product} lot{n}",
            $"The government of {country} announced new import duties of {10 + n} percent on {product} shipments, "
            + $"citing domestic {product} producers. {words}.", TradeNews.Published);
    }
}
