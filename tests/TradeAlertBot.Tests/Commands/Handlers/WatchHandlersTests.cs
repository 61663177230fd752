using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage.Entities;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class WatchHandlersTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Adding_stores_the_normalised_entry_for_the_channel_audits_it_and_answers_publicly()
    {
        var reply = await RunAsync("watch add hs:8541.43 country:cn solar cells");

        Assert.True(reply.Public);
        Assert.StartsWith("This channel now watches 8541.43 solar cells, from CN (entry 1).", reply.Plain());
        Assert.Contains("subscribe watchlist", reply.Plain());
        await using var db = _database.Open();
        var entry = await db.WatchListEntries.Include(e => e.Destination).SingleAsync();
        Assert.Equal(("854143", null, "CN", "solar cells", Now), (entry.HsCode, entry.Product, entry.Country, entry.Label, entry.CreatedAt));
        Assert.Equal(("slack", "T1/C1"), (entry.Destination!.Kind, entry.Destination.Address));
        var audit = await db.AuditLog.SingleAsync();
        Assert.Equal((AuditAction.WatchAdd, "destination slack:T1/C1", "hs:8541.43 country:CN \"solar cells\""), (audit.Action, audit.Target, audit.After));
    }

    [Fact]
    public async Task A_quoted_product_takes_its_lexicon_name()
    {
        await RunAsync("watch add product:\"solar cells\" country:VN modules");

        var entry = await _database.Open().WatchListEntries.SingleAsync();
        Assert.Equal(("solar panels", "VN", "modules"), (entry.Product, entry.Country, entry.Label));
    }

    [Fact]
    public async Task Adding_the_same_goods_and_country_again_keeps_one_entry()
    {
        await RunAsync("watch add hs:8541.43 country:CN solar cells");

        var again = await RunAsync("watch add hs:854143 country:CN other label");

        Assert.Equal("This channel already watches 8541.43 solar cells, from CN (entry 1 of `watch list`).", again.Plain());
        Assert.Equal(1, await _database.Open().WatchListEntries.CountAsync());
    }

    [Theory]
    [InlineData("watch add hs:8541.4", "\"8541.4\" is not an HS code")]
    [InlineData("watch add country:XX", "\"XX\" is not a country the bot knows")]
    [InlineData("watch add product:\"garden gnomes\"", "\"garden gnomes\" is not a product")]
    [InlineData("watch add just a label", "Give an HS code")]
    [InlineData("watch add contry:CN", "`contry:` is not a watch term")]
    public async Task A_bad_entry_is_a_usage_error_and_stores_nothing(string text, string message)
    {
        var error = await Assert.ThrowsAsync<UsageException>(() => RunAsync(text));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(0, await _database.Open().WatchListEntries.CountAsync());
    }

    [Fact]
    public async Task The_list_is_numbered_in_the_order_entries_were_added()
    {
        await RunAsync("watch add hs:8541.43 country:CN solar cells");
        await RunAsync("watch add product:EVs");
        await RunAsync("watch add country:VN");

        var list = (await RunAsync("watch list")).Plain();

        Assert.Contains("1. 8541.43 solar cells, from CN", list);
        Assert.Contains("2. EVs", list);
        Assert.Contains("3. VN", list);
        Assert.True(list.IndexOf("1. 8541.43", StringComparison.Ordinal) < list.IndexOf("3. VN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_list_says_how_to_start_one()
    {
        Assert.StartsWith("This channel watches nothing yet.", (await RunAsync("watch list")).Plain());
    }

    [Fact]
    public async Task Removing_by_number_drops_that_entry_and_audits_it()
    {
        await RunAsync("watch add hs:8541.43 solar cells");
        await RunAsync("watch add hs:8703 cars");

        var reply = await RunAsync("watch remove 1");

        Assert.StartsWith("This channel no longer watches 8541.43 solar cells.", reply.Plain());
        await using var db = _database.Open();
        Assert.Equal("8703", (await db.WatchListEntries.SingleAsync()).HsCode);
        var audit = await db.AuditLog.OrderBy(a => a.Id).LastAsync();
        Assert.Equal((AuditAction.WatchRemove, "hs:8541.43 \"solar cells\""), (audit.Action, audit.Before));
    }

    [Theory]
    [InlineData("watch remove 3", "The watch list has 1 entries")]
    [InlineData("watch remove 0", "Give the number of the entry")]
    [InlineData("watch remove one", "Give the number of the entry")]
    public async Task Removing_a_number_not_on_the_list_is_a_usage_error(string text, string message)
    {
        await RunAsync("watch add hs:8541.43");

        var error = await Assert.ThrowsAsync<UsageException>(() => RunAsync(text));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(1, await _database.Open().WatchListEntries.CountAsync());
    }

    [Fact]
    public async Task Subscribing_to_the_watch_list_needs_no_rule_and_takes_no_filters()
    {
        await using var db = _database.Open();
        var subscribe = new SubscribeHandler(db, AuditOn(db));

        var reply = await subscribe.HandleAsync(Parse("subscribe watchlist"), Channel, CancellationToken.None);
        var error = await Assert.ThrowsAsync<UsageException>(() => subscribe.HandleAsync(Parse("subscribe watchlist country:CN"), Channel, CancellationToken.None));

        Assert.StartsWith("Subscribed this channel to watchlist.", reply.Plain());
        Assert.Contains("Its watch list is empty so far", reply.Plain());
        Assert.StartsWith("`watchlist` takes no filters", error.Message);
        Assert.Equal("watchlist", (await _database.Open().Subscriptions.SingleAsync()).RuleName);
    }

    private async Task<CommandReply> RunAsync(string text)
    {
        await using var db = _database.Open();
        var command = Parse(text);
        ICommandHandler handler = command.Spec.Name switch
        {
            "watch add" => new WatchAddHandler(db, AuditOn(db, _time), _time),
            "watch list" => new WatchListHandler(db),
            "watch remove" => new WatchRemoveHandler(db, AuditOn(db, _time)),
            _ => throw new ArgumentException(text),
        };
        return await handler.HandleAsync(command, Channel, CancellationToken.None);
    }
}
