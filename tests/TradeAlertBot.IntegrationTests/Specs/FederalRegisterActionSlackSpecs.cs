using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Deliveries.Threads;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// The whole way of a BIS rule to Slack, as users drive it: a channel subscribes to export controls and adds the BIS
/// source from the catalogue; the real poll reads the fake Federal Register; a fake clock brings the reminder.
/// </summary>
public sealed class FederalRegisterActionSlackSpecs : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private const string Exports = "C-EXPORTS";
    private const string Watching = "C-WATCH";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeFederalRegister _api = null!;
    private FakeSlackApi _slack = null!;
    private TradeAlertBotFactory _host = null!;
    private SlackCommandSender _send = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeFederalRegister.StartAsync();
        _slack = await FakeSlackApi.StartAsync(Token);
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = Token,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["Slack:Admins"] = "T1:UADMIN",
            ["Sources:FederalRegister:BaseUrl"] = _api.BaseUrl.AbsoluteUri,
            ["Sources:FederalRegister:RequestsPerSecond"] = "20",
        }, services: s => s.AddSingleton<TimeProvider>(_clock));
        _send = new SlackCommandSender(_host.CreateClient(), Secret);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private async Task<string> SayAsync(string text, string channel, string user = "UUSER")
    {
        var response = await _send.CommandAsync(text, user: user, channel: channel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("text").GetString()!;
    }

    // A poll as the scheduler would run it once the feed's interval has passed.
    private async Task PollAsync()
    {
        await Scenario.MakeFeedsDueAsync(_host);
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitForQuietAsync();
        await _host.WaitForJobsAsync();
    }

    // Lets a few seconds pass at a time, as the minute's sweep would find them: a thread reply right after the alert's
    // update waits for the destination's send slot, which frees one interval (on the host's clock) after the update.
    private Task SettleAsync(Func<Storage.TradeAlertDbContext, Task<bool>> condition) => _host.WaitUntilAsync(async db =>
    {
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _host.RunJobAsync<ThreadReplyJob>(job => job.RunAsync(CancellationToken.None));
        return await condition(db);
    });

    private Task<int> SentRepliesAsync(string channel) => _host.WithDbAsync(db =>
        db.ThreadReplies.CountAsync(r => r.State == DeliveryState.Sent && r.Delivery!.Destination!.Address.EndsWith(channel)));

    private List<string> Thread(FakeSlackMessage alert) =>
        [.. _slack.Messages(alert.Channel).Where(m => m.ThreadTs == alert.Ts).Select(m => m.Text ?? "")];

    [Fact]
    public async Task A_bis_rule_is_one_alert_from_public_inspection_with_publication_and_reminder_in_its_thread_and_a_watch_list_channel_is_told_of_its_hs_code()
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var (publication, effective) = (today.AddDays(1), today.AddDays(31));
        Assert.Contains("Subscribed this channel to `export-controls`", await SayAsync("subscribe export-controls", Exports));
        Assert.Contains("Federal Register: Bureau of Industry and Security (BIS)", await SayAsync("sources add fr-bis", Exports, user: "UADMIN"));
        Assert.Contains("now watches 8541 solar cells", await SayAsync("watch add hs:8541 solar cells", Watching));
        Assert.Contains("Subscribed this channel to `watchlist`", await SayAsync("subscribe watchlist", Watching));

        _api.PutOnPublicInspection(BisRule.OnPublicInspection(publication));
        await PollAsync();
        var alert = Assert.Single(_slack.Messages());
        Assert.Equal((Exports, null), (alert.Channel, alert.ThreadTs));
        Assert.Contains(BisRule.Title, alert.Text);
        Assert.Contains($"on public inspection, to be published on {BisRule.Day(publication)}", alert.Body.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        _clock.SetUtcNow(new DateTimeOffset(publication, new TimeOnly(5, 0), TimeSpan.Zero));
        _api.Publish(BisRule.Published(publication, effective));
        await PollAsync();
        await SettleAsync(async db => await SentRepliesAsync(Exports) == 1 && await db.Deliveries.AllAsync(d => d.RevisionShown == d.Story!.Revision));
        Assert.Single(_slack.Messages(Exports), m => m.ThreadTs is null);
        var update = Assert.Single(_slack.CallsTo("chat.update"));
        Assert.Equal(alert.Ts, update.Field("ts"));
        Assert.Contains("Effective", update.Body.ToJsonString());
        Assert.Contains(BisRule.Day(effective), update.Body.ToJsonString());
        Assert.Contains("8541.43.00", update.Body.ToJsonString()); // the abstract replaces the public inspection placeholder
        Assert.DoesNotContain("to be published in the Federal Register", update.Body.ToJsonString());
        var published = $"Published in the Federal Register on {BisRule.Day(publication)}, effective {BisRule.Day(effective)}.";
        Assert.Equal([published], Thread(alert));
        var watched = Assert.Single(_slack.Messages(Watching), m => m.ThreadTs is null);
        Assert.Equal(":eyes: *Your watch list: 8541 solar cells*", watched.Blocks![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains(BisRule.Title, watched.Text);

        _clock.SetUtcNow(new DateTimeOffset(effective.AddDays(-1), new TimeOnly(9, 0), TimeSpan.Zero));
        await _host.RunJobAsync<ThreadReplyJob>(job => job.RunAsync(CancellationToken.None));
        var reminder = $"Reminder: takes effect in 1 day ({BisRule.Day(effective)}).";
        Assert.Equal([published, reminder], Thread(alert));
        Assert.Equal([reminder], Thread(watched)); // it was alerted to the published rule: no publication news

        var (messages, calls) = (_slack.Messages().Count, _slack.Calls.Count(c => c.Method is "chat.postMessage" or "chat.update"));
        await PollAsync();
        await _host.RunJobAsync<ThreadReplyJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitForJobsAsync();
        Assert.Equal(messages, _slack.Messages().Count);
        Assert.Equal(calls, _slack.Calls.Count(c => c.Method is "chat.postMessage" or "chat.update"));
        Assert.Equal(1, await _host.WithDbAsync(db => db.Stories.CountAsync()));

        ThreadArtifacts.Write("thread-slack", new JsonArray([.. _slack.Messages().Select(m => (JsonNode)new JsonObject
        {
            ["channel"] = m.Channel,
            ["ts"] = m.Ts,
            ["thread_ts"] = m.ThreadTs,
            ["text"] = m.Text,
            ["blocks"] = m.Blocks?.DeepClone(),
        })]));
    }
}
