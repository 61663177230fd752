using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Feeds;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Tests.Commands.Handlers;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Audit;

/// <summary>Chat commands that change state write one audit entry each, with the change, naming the chat user.</summary>
public sealed class AuditRecordingTests : IAsyncLifetime
{
    private static readonly CommandContext TeamsUser = new("teams", "teams", "conv-1", "AB12-AAD", "7E2A-TENANT");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await CommandTestDatabase.CreateAsync();
        await using var db = _database.Open();
        db.Rules.Add(new WatchRule { Name = "new-tariffs", Query = "tariff*", IsCategory = true });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Subscribing_and_unsubscribing_are_recorded_with_the_channel_and_the_subscription()
    {
        await using var db = _database.Open();

        await new SubscribeHandler(db, AuditOn(db, _time)).HandleAsync(Parse("subscribe new-tariffs country:VN"), Channel, CancellationToken.None);
        await new UnsubscribeHandler(db, AuditOn(db, _time)).HandleAsync(Parse("unsubscribe new-tariffs country:VN"), Channel, CancellationToken.None);

        Assert.Equal(
            [("slack:T1/U1", AuditAction.Subscribe, "destination slack:T1/C1", null, "new-tariffs country:VN"),
             ("slack:T1/U1", AuditAction.Unsubscribe, "destination slack:T1/C1", "new-tariffs country:VN", null)],
            await EntriesAsync());
    }

    [Fact]
    public async Task A_teams_user_changing_a_channels_mute_is_recorded_with_tenant_and_aad_id_and_the_settings_before_and_after()
    {
        await using var db = _database.Open();

        await new MuteHandler(db, _time, AuditOn(db, _time)).HandleAsync(Parse("mute 2h"), TeamsUser, CancellationToken.None);

        Assert.Equal(
            [("teams:7e2a-tenant/ab12-aad", AuditAction.ChannelSettings, "destination teams:conv-1", "none", "muted until 2026-03-20 14:00Z")],
            await EntriesAsync());
    }

    [Fact]
    public async Task Granting_and_withdrawing_admin_rights_are_recorded()
    {
        await using var db = _database.Open();

        await new AdminAddHandler(db, _time, AuditOn(db, _time)).HandleAsync(Parse("admin add <@U2|bob>"), Channel, CancellationToken.None);
        await new AdminRemoveHandler(db, AuditOn(db, _time)).HandleAsync(Parse("admin remove <@U2>"), Channel, CancellationToken.None);
        await new AdminRemoveHandler(db, AuditOn(db, _time)).HandleAsync(Parse("admin remove <@U3>"), Channel, CancellationToken.None);

        Assert.Equal(
            [("slack:T1/U1", AuditAction.AdminAdd, "admin slack:T1/U2", null, "admin"), ("slack:T1/U1", AuditAction.AdminRemove, "admin slack:T1/U2", "admin", null)],
            await EntriesAsync());
        Assert.Equal(0, await _database.Open().Admins.CountAsync());
    }

    [Fact]
    public async Task Removing_a_feed_is_recorded_without_the_credentials_in_its_address()
    {
        await using (var seed = _database.Open())
        {
            seed.Feeds.Add(new Feed { Url = "https://news.example.com/rss?apikey=s3cret" });
            await seed.SaveChangesAsync();
        }

        await using var db = _database.Open();
        var feeds = new FeedRegistry(db, new UrlGuard(Options.Create(new FeedsOptions())), _time, AuditOn(db, _time));

        await new FeedRemoveHandler(db, feeds).HandleAsync(Parse("feed remove 1"), Channel, CancellationToken.None);

        Assert.Equal([("slack:T1/U1", AuditAction.FeedRemove, "feed 1 https://news.example.com/rss?apikey=***", "enabled", "disabled")], await EntriesAsync());
    }

    [Fact]
    public async Task A_replay_is_recorded_with_the_state_it_left_and_a_refused_one_is_not()
    {
        await using (var seed = _database.Open())
        {
            var destination = new Destination { Kind = "slack", Address = "T1/C1" };
            seed.Deliveries.Add(new Delivery { Destination = destination, Story = NewStory("a"), RuleName = "new-tariffs", State = DeliveryState.Dead });
            seed.Deliveries.Add(new Delivery { Destination = destination, Story = NewStory("b"), RuleName = "new-tariffs", State = DeliveryState.Sent });
            await seed.SaveChangesAsync();
        }

        await using var db = _database.Open();
        var replay = new ReplayHandler(new DeliveryReplay(db, _time, AuditOn(db, _time)));

        await replay.HandleAsync(Parse("replay 1"), Channel, CancellationToken.None);
        await replay.HandleAsync(Parse("replay 2"), Channel, CancellationToken.None);

        Assert.Equal([("slack:T1/U1", AuditAction.Replay, "delivery 1", "dead", "pending")], await EntriesAsync());
    }

    private static Story NewStory(string fingerprint) =>
        new() { Fingerprint = fingerprint, Title = "t", Source = "s", Summary = "", Categories = ["new-tariffs"] };

    private async Task<List<(string, AuditAction, string, string?, string?)>> EntriesAsync() =>
        (await _database.Open().AuditLog.OrderBy(e => e.Id).ToListAsync()).Select(e => (e.Actor, e.Action, e.Target, e.Before, e.After)).ToList();
}
