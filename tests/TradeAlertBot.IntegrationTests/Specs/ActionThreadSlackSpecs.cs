using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Deliveries.Threads;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>One thread per trade action in Slack: public inspection, publication and correction in one alert's thread.</summary>
public sealed class ActionThreadSlackSpecs : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string Token = "xoxb-test-token";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync(Token);

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private TradeAlertBotFactory Host() => new(_database, settings: new Dictionary<string, string>
    {
        ["Slack:SigningSecret"] = Secret,
        ["Slack:BotToken"] = Token,
        ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
    });

    private static Task<int> SentNewsAsync(TradeAlertBotFactory host) =>
        host.WithDbAsync(db => db.ThreadReplies.CountAsync(r => !r.IsReminder && r.State == DeliveryState.Sent && r.Delivery!.Destination!.Kind == "slack"));

    [Fact]
    public async Task A_rule_on_public_inspection_then_published_then_corrected_is_one_alert_updated_in_place_with_two_thread_replies_across_a_restart()
    {
        var first = Host();
        var send = new SlackCommandSender(first.CreateClient(), Secret);
        Assert.True((await send.CommandAsync("subscribe export-controls", channel: "C-BIS")).IsSuccessStatusCode);
        var feed = await Scenario.AddFeedAsync(first, new Uri("https://www.federalregister.gov/api/v1/documents.json"), due: false);

        await OfficialDocuments.IngestAsync(first, feed, OfficialDocuments.OnInspection);
        await first.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "slack" && d.State == DeliveryState.Sent));
        var alert = Assert.Single(_slack.Messages());
        Assert.Contains("to be published on 3 Dec 2026", alert.Body.ToJsonString());

        await OfficialDocuments.IngestAsync(first, feed, OfficialDocuments.Published);
        await first.WaitUntilAsync(async db => await SentNewsAsync(first) == 1);
        await first.DisposeAsync(); // the correction comes to a restarted host on the same database

        var second = Host();
        _ = second.Server;
        await OfficialDocuments.IngestAsync(second, feed, OfficialDocuments.Correction);
        await second.WaitUntilAsync(async db => await SentNewsAsync(second) == 2
            && await db.Deliveries.AllAsync(d => d.RevisionShown == d.Story!.Revision));
        await second.RunJobAsync<ThreadReplyJob>(job => job.RunAsync(CancellationToken.None));
        await second.RunJobAsync<DeliverySweepJob>(job => job.RunAsync(CancellationToken.None));
        await second.WaitForJobsAsync();

        Assert.Single(_slack.Messages(), m => m.ThreadTs is null);
        var replies = _slack.Messages().Where(m => m.ThreadTs == alert.Ts).Select(m => m.Text).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Contains("Published in the Federal Register on 3 Dec 2026, effective 2 Jan 2027.", replies[0]);
        Assert.Contains("Correction published on 10 Dec 2026", replies[1]);
        var updates = _slack.CallsTo("chat.update");
        Assert.Equal(2, updates.Count);
        Assert.All(updates, u => Assert.Equal(alert.Ts, u.Field("ts")));
        Assert.Contains("Effective", updates[0].Body.ToJsonString());
        Assert.Contains("2 Jan 2027", updates[0].Body.ToJsonString());
        Assert.Equal(1, await second.WithDbAsync(db => db.Stories.CountAsync()));
        await second.DisposeAsync();
    }
}
