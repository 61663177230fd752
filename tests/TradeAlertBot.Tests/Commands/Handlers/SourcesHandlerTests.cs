using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using TradeAlertBot.Commands;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Feeds.FederalRegister;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class SourcesHandlerTests : IAsyncLifetime
{
    // An address literal, so adding a source checks it without a DNS look-up; nothing is fetched.
    private static readonly Uri BaseUrl = new("http://93.184.215.14/api/v1/");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly SourceCatalog _catalog = new(Options.Create(new FederalRegisterOptions { BaseUrl = BaseUrl }));
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void The_catalogue_has_a_federal_register_search_for_each_trade_agency_under_the_configured_base()
    {
        var federalRegister = _catalog.All.Where(s => s.Name.StartsWith("fr-", StringComparison.Ordinal)).ToList();

        Assert.Equal(["fr-bis", "fr-ita", "fr-ustr", "fr-cbp", "fr-ofac", "fr-usitc"], federalRegister.Select(s => s.Name));
        Assert.All(federalRegister, s => Assert.True(FederalRegisterSource.IsSearch(s.Url, BaseUrl), s.Url.AbsoluteUri));
        Assert.Equal(
            ["industry-and-security-bureau", "international-trade-administration", "trade-representative-office-of-united-states",
             "u-s-customs-and-border-protection", "foreign-assets-control-office", "international-trade-commission"],
            federalRegister.Select(s => Assert.Single(FederalRegisterSource.Parse(s.Url).Agencies)));
    }

    [Fact]
    public async Task Sources_lists_every_source_with_what_it_covers_where_its_url_comes_from_and_whether_it_is_watched()
    {
        await using (var db = _database.Open())
        {
            db.Feeds.Add(new Feed { Url = _catalog.Find("fr-ofac")!.Url.AbsoluteUri, CreatedAt = _time.GetUtcNow(), NextPollAt = _time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        await using var context = _database.Open();
        var reply = (await new SourcesHandler(_catalog, context).HandleAsync(Parse("sources"), Channel, CancellationToken.None)).Plain();

        Assert.Contains($"Recommended official sources ({_catalog.All.Count})", reply);
        Assert.Contains("fr-bis — Federal Register: Bureau of Industry and Security (BIS): export controls", reply);
        Assert.Contains(BaseUrl + "documents.json?conditions%5Bagencies%5D%5B%5D=industry-and-security-bureau", reply);
        Assert.Contains("govuk-dbt-news", reply);
        Assert.Contains("from: GOV.UK finder search", reply);
        var ofacLine = reply.Split('\n').Single(l => l.Contains("fr-ofac", StringComparison.Ordinal));
        Assert.Contains("Watched.", ofacLine);
        Assert.DoesNotContain("Watched.", reply.Split('\n').Single(l => l.Contains("fr-bis", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sources_add_watches_the_source_under_its_title_and_records_it_in_the_audit_log_as_a_feed_add()
    {
        await using var db = _database.Open();

        var reply = await AddHandler(db).HandleAsync(Parse("sources add FR-BIS"), Channel, CancellationToken.None);

        await using var check = _database.Open();
        var feed = await check.Feeds.SingleAsync();
        Assert.Equal((BaseUrl + "documents.json?conditions%5Bagencies%5D%5B%5D=industry-and-security-bureau", "Federal Register: Bureau of Industry and Security (BIS)"), (feed.Url, feed.Title));
        Assert.StartsWith("Federal Register: Bureau of Industry and Security (BIS): Added feed", reply.Plain());
        var entry = await check.AuditLog.SingleAsync();
        Assert.Equal(AuditAction.FeedAdd, entry.Action);
    }

    [Fact]
    public async Task Adding_a_source_watched_already_is_refused_as_a_duplicate()
    {
        await using var db = _database.Open();
        await AddHandler(db).HandleAsync(Parse("sources add fr-bis"), Channel, CancellationToken.None);

        var error = await Assert.ThrowsAsync<UsageException>(() => AddHandler(db).HandleAsync(Parse("sources add fr-bis"), Channel, CancellationToken.None));

        Assert.Equal(new FeedAddResult.Duplicate().Message, error.Message);
    }

    [Theory]
    [InlineData("sources add fr-nasa", "No source is called `fr-nasa`. Known: fr-bis, fr-ita")]
    [InlineData("sources add", "Give one source name")]
    public async Task An_unknown_or_missing_name_is_refused_naming_the_known_ones_and_nothing_is_stored(string text, string message)
    {
        await using var db = _database.Open();

        var error = await Assert.ThrowsAsync<UsageException>(() => AddHandler(db).HandleAsync(Parse(text), Channel, CancellationToken.None));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(0, await _database.Open().Feeds.CountAsync());
    }

    [Fact]
    public async Task Sources_add_from_someone_not_an_admin_is_refused_and_adds_nothing()
    {
        await using var db = _database.Open();
        var admins = new AdminDirectory(Options.Create(new Slack.SlackOptions { Admins = ["T1:U-ADMIN"] }), Options.Create(new Teams.TeamsOptions()));
        // The router wants a handler for every command; the others are stand-ins never reached.
        var others = CommandCatalog.Routed.Where(s => !s.Name.StartsWith("sources", StringComparison.Ordinal))
            .Select(spec => Mock.Of<ICommandHandler>(h => h.Spec == spec));
        var router = new CommandRouter(
            [AddHandler(db), new SourcesHandler(_catalog, db), .. others], db, admins,
            new QueryLimiter(Options.Create(new QueryOptions())), NullLogger<CommandRouter>.Instance);

        var reply = (await router.RunAsync(Channel, "sources add fr-bis", CancellationToken.None)).Plain();

        Assert.Contains("sources add is for admins only", reply);
        Assert.Equal(0, await _database.Open().Feeds.CountAsync());
    }

    private SourcesAddHandler AddHandler(TradeAlertDbContext db) =>
        new(_catalog, new FeedRegistry(db, new UrlGuard(Options.Create(new FeedsOptions())), _time, AuditOn(db, _time)), db);
}
