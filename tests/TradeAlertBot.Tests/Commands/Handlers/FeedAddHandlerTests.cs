using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Storage;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class FeedAddHandlerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_public_feed_pasted_as_a_slack_link_is_added_and_due_at_once()
    {
        await using var db = _database.Open();

        var reply = await Handler(db).HandleAsync(Parse("feed add <http://93.184.215.14/trade.xml|trade.xml>"), Channel, CancellationToken.None);

        var feed = await _database.Open().Feeds.SingleAsync();
        Assert.Equal(("http://93.184.215.14/trade.xml", _time.GetUtcNow()), (feed.Url, feed.NextPollAt));
        Assert.StartsWith($"Added feed {feed.Id}: http://93.184.215.14/trade.xml.", reply.Plain());
    }

    [Theory]
    [InlineData("feed add http://127.0.0.1/feed.xml", "That URL is refused")]
    [InlineData("feed add ftp://example.com/feed.xml", "`ftp://example.com/feed.xml` is not an http(s) URL.")]
    [InlineData("feed add", "Give one feed URL.")]
    public async Task A_private_address_or_not_a_web_url_is_refused_and_nothing_is_stored(string text, string message)
    {
        await using var db = _database.Open();

        var error = await Assert.ThrowsAsync<UsageException>(() => Handler(db).HandleAsync(Parse(text), Channel, CancellationToken.None));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(0, await _database.Open().Feeds.CountAsync());
    }

    [Fact]
    public async Task A_feed_watched_already_is_refused_as_a_duplicate()
    {
        await using var db = _database.Open();
        await Handler(db).HandleAsync(Parse("feed add http://93.184.215.14/trade.xml"), Channel, CancellationToken.None);

        var error = await Assert.ThrowsAsync<UsageException>(() => Handler(db).HandleAsync(Parse("feed add http://93.184.215.14/trade.xml"), Channel, CancellationToken.None));

        Assert.Equal(new FeedAddResult.Duplicate().Message, error.Message);
    }

    private FeedAddHandler Handler(TradeAlertDbContext db) =>
        new(new FeedRegistry(db, new UrlGuard(Options.Create(new FeedsOptions())), _time, AuditOn(db, _time)));
}
