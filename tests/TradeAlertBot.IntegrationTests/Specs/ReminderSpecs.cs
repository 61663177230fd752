using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Deliveries.Threads;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Effective-date and comment reminders in an alert's thread, driven by a fake clock, across a restart.</summary>
public sealed class ReminderSpecs : IAsyncDisposable
{
    private const string Channel = "C-REMIND";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 20, 8, 0, 0, TimeSpan.Zero));
    private readonly List<TradeAlertBotFactory> _hosts = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private TradeAlertBotFactory Host()
    {
        var host = new TradeAlertBotFactory(_database, services: s => s.AddSingleton<TimeProvider>(_clock));
        _ = host.Server;
        _hosts.Add(host);
        return host;
    }

    // A channel in Berlin: 09:00 there is 08:00 UTC in winter.
    private static async Task<long> AlertedChannelAsync(TradeAlertBotFactory host, Core.Items.FeedItem item)
    {
        var destination = await Scenario.AddTestDestinationAsync(host, Channel, "export-controls");
        await host.WithDbAsync(db => db.Destinations.Where(d => d.Id == destination).ExecuteUpdateAsync(s => s.SetProperty(d => d.TimeZone, "Europe/Berlin")));
        var feed = await Scenario.AddFeedAsync(host, new Uri("https://www.federalregister.gov/api/v1/documents.json"), due: false);
        await OfficialDocuments.IngestAsync(host, feed, item);
        await host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.DestinationId == destination && d.State == DeliveryState.Sent));
        return destination;
    }

    private static Task SendDueAsync(TradeAlertBotFactory host) => host.RunJobAsync<ThreadReplyJob>(job => job.RunAsync(CancellationToken.None));

    private static async Task<string> AskAsync(TradeAlertBotFactory host, string text)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var command = Assert.IsType<Command>(CommandParser.Parse(text));
        var handler = scope.ServiceProvider.GetServices<ICommandHandler>().Single(h => h.Spec == command.Spec);
        return PlainReplyText.Render(await handler.HandleAsync(command, new CommandContext("test", "test", Channel, "U1"), CancellationToken.None));
    }

    private static Task<List<ThreadReply>> RemindersAsync(TradeAlertBotFactory host) =>
        host.WithDbAsync(db => db.ThreadReplies.Where(r => r.IsReminder && r.Delivery!.Destination!.Address == Channel).OrderBy(r => r.DueAt).ToListAsync());

    [Fact]
    public async Task Reminders_come_at_nine_local_a_day_before_and_on_the_day_once_each_and_survive_a_restart()
    {
        var first = Host();
        await AlertedChannelAsync(first, OfficialDocuments.Published);
        var alertId = Assert.Single(first.Sender.Sent).Alert.StoryId;
        await SendDueAsync(first);
        Assert.Empty(first.Sender.Replies);

        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 7, 59, 0, TimeSpan.Zero));
        await SendDueAsync(first);
        Assert.Empty(first.Sender.Replies);

        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await SendDueAsync(first);
        await SendDueAsync(first);
        var before = Assert.Single(first.Sender.Replies);
        Assert.Equal($"msg-{alertId}-{Channel}", before.MessageId);
        Assert.Equal("Reminder: takes effect in 1 day (2 Jan 2027).", before.Text);
        await first.DisposeAsync();
        _hosts.Remove(first);

        var second = Host();
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 8, 0, 0, TimeSpan.Zero));
        await SendDueAsync(second);
        await SendDueAsync(second);
        var today = Assert.Single(second.Sender.Replies);
        Assert.Equal("Reminder: takes effect today (2 Jan 2027).", today.Text);
        Assert.All(await RemindersAsync(second), r => Assert.Equal(DeliveryState.Sent, r.State));
    }

    [Fact]
    public async Task Remind_3d_replans_remind_off_cancels_and_comment_deadlines_are_reminded_only_when_asked()
    {
        var host = Host();
        var withComments = OfficialDocuments.Published with
        {
            Document = OfficialDocuments.Published.Document! with { CommentsCloseOn = new DateOnly(2027, 1, 15) },
        };
        await AlertedChannelAsync(host, withComments);
        Assert.Equal(["remind:effective:2027-01-02:before", "remind:effective:2027-01-02:today"], (await RemindersAsync(host)).Select(r => r.EventKey));

        Assert.Contains("3 days before", await AskAsync(host, "remind 3d"));
        var replanned = await RemindersAsync(host);
        Assert.Equal(new DateTimeOffset(2026, 12, 30, 8, 0, 0, TimeSpan.Zero), replanned[0].DueAt);
        Assert.Equal("Reminder: takes effect in 3 days (2 Jan 2027).", replanned[0].Text);
        Assert.Equal(2, replanned.Count);

        await AskAsync(host, "remind comments on");
        Assert.Equal(4, (await RemindersAsync(host)).Count);

        await AskAsync(host, "remind off");
        var left = await RemindersAsync(host);
        Assert.Equal(["remind:comments:2027-01-15:before", "remind:comments:2027-01-15:today"], left.Select(r => r.EventKey));
        Assert.True(await host.WithDbAsync(db => db.AuditLog.AnyAsync(e => e.After!.Contains("remind off"))));

        var upcoming = await AskAsync(host, "upcoming");
        Assert.Contains("2 Jan 2027 takes effect: Additions to the Entity List", upcoming);
        Assert.Contains("15 Jan 2027 comments close: Additions to the Entity List", upcoming);
        Assert.True(upcoming.IndexOf("2 Jan 2027", StringComparison.Ordinal) < upcoming.IndexOf("15 Jan 2027", StringComparison.Ordinal));
    }
}
