using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Storage.Entities;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class UnsubscribeHandlerTests : IAsyncLifetime
{
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await CommandTestDatabase.CreateAsync();
        await using var db = _database.Open();
        db.Destinations.Add(new Destination
        {
            Kind = "slack", Address = "T1/C1",
            Subscriptions = [new Subscription { RuleName = "gone-rule" }, new Subscription { RuleName = "new-tariffs", Country = "VN" }],
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Only_the_subscription_with_the_same_filters_goes()
    {
        await using var db = _database.Open();

        var reply = await new UnsubscribeHandler(db, AuditOn(db)).HandleAsync(Parse("unsubscribe new-tariffs country:VN"), Channel, CancellationToken.None);

        Assert.Equal("Unsubscribed this channel from new-tariffs in VN.", reply.Plain());
        Assert.Equal(["gone-rule"], await _database.Open().Subscriptions.Select(s => s.RuleName).ToListAsync());
    }

    [Fact]
    public async Task A_subscription_to_a_rule_that_no_longer_exists_can_still_be_dropped()
    {
        await using var db = _database.Open();

        await new UnsubscribeHandler(db, AuditOn(db)).HandleAsync(Parse("unsubscribe gone-rule"), Channel, CancellationToken.None);

        Assert.Equal(["new-tariffs"], await _database.Open().Subscriptions.Select(s => s.RuleName).ToListAsync());
    }

    [Fact]
    public async Task Another_channel_has_nothing_to_unsubscribe_and_is_told_so()
    {
        await using var db = _database.Open();

        var reply = await new UnsubscribeHandler(db, AuditOn(db)).HandleAsync(Parse("unsubscribe gone-rule"), Channel with { Address = "T1/C2" }, CancellationToken.None);

        Assert.False(reply.Public);
        Assert.Equal("This channel has no subscription to gone-rule. See subscriptions.", reply.Plain());
        Assert.Equal(2, await _database.Open().Subscriptions.CountAsync());
    }
}
