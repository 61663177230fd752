using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage.Entities;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class SubscribeHandlerTests : IAsyncLifetime
{
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
    public async Task Subscribing_creates_the_channels_destination_with_the_filters_and_answers_publicly()
    {
        await using var db = _database.Open();

        var reply = await new SubscribeHandler(db, AuditOn(db)).HandleAsync(Parse("subscribe new-tariffs country:vn hs:7208"), Channel, CancellationToken.None);

        Assert.True(reply.Public);
        Assert.Equal("Subscribed this channel to new-tariffs in VN (HS 7208). New matching stories will be posted here.", reply.Plain());
        var destination = await _database.Open().Destinations.Include(d => d.Subscriptions).SingleAsync();
        Assert.Equal(("slack", "T1/C1", "T1"), (destination.Kind, destination.Address, destination.TeamId));
        var subscription = Assert.Single(destination.Subscriptions);
        Assert.Equal(("new-tariffs", "VN", "7208"), (subscription.RuleName, subscription.Country, subscription.HsCode));
    }

    [Fact]
    public async Task Subscribing_twice_to_the_same_thing_keeps_one_subscription()
    {
        await using var db = _database.Open();
        var handler = new SubscribeHandler(db, AuditOn(db));

        await handler.HandleAsync(Parse("subscribe new-tariffs"), Channel, CancellationToken.None);
        var again = await handler.HandleAsync(Parse("subscribe new-tariffs"), Channel, CancellationToken.None);

        Assert.Equal("This channel already gets new-tariffs.", again.Plain());
        Assert.Equal(1, await _database.Open().Subscriptions.CountAsync());
    }

    [Theory]
    [InlineData("subscribe", "Name a category or watch rule")]
    [InlineData("subscribe steel", "There is no category or rule `steel`. Known: new-tariffs.")]
    [InlineData("subscribe new-tariffs country:VNM", "`country:VNM` is not a filter")]
    public async Task A_missing_or_unknown_rule_or_a_malformed_filter_is_a_usage_error(string text, string message)
    {
        await using var db = _database.Open();

        var error = await Assert.ThrowsAsync<UsageException>(() => new SubscribeHandler(db, AuditOn(db)).HandleAsync(Parse(text), Channel, CancellationToken.None));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(0, await _database.Open().Destinations.CountAsync());
    }
}
