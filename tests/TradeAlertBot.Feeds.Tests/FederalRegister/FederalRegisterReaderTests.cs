using TradeAlertBot.Core.Items;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Feeds.Tests.FederalRegister;

public sealed class FederalRegisterReaderTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private FakeFederalRegister _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeFederalRegister.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static FakeFrDocument Rule(string number, DateOnly published, params (string Name, string Slug)[] agencies) =>
        new(number, "Rule", $"Rule {number}", published, agencies.Length > 0 ? agencies : [FakeFrDocument.Bis]);

    [Fact]
    public async Task A_search_result_becomes_an_item_carrying_its_document_facts()
    {
        _fake.Publish(new FakeFrDocument("2026-23456", "Rule", "Additions to the Entity List", Today, [FakeFrDocument.Bis])
        {
            Abstract = "BIS adds 12 entities to the Entity List.",
            EffectiveOn = new DateOnly(2026, 12, 15),
            CommentsCloseOn = new DateOnly(2027, 1, 30),
            CfrReferences = [(15, 744)],
            DocketIds = ["BIS-2026-0042"],
            CorrectionOf = "2026-11111",
        });
        using var host = FederalRegisterHost.Build(_fake);

        var result = await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau"));

        var item = Assert.Single(result.Feed.Items);
        Assert.Equal("fr:2026-23456", item.Guid);
        Assert.Equal("Additions to the Entity List", item.Title);
        Assert.Equal("BIS adds 12 entities to the Entity List.", item.Body);
        Assert.StartsWith(_fake.BaseUrl.GetLeftPart(UriPartial.Authority) + "/documents/2026/12/01/2026-23456", item.Link);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), item.Published);
        var document = Assert.IsType<OfficialDocument>(item.Document);
        Assert.Equal("2026-23456", document.DocumentNumber);
        Assert.Equal(OfficialDocumentType.Rule, document.Type);
        Assert.Equal(["Industry and Security Bureau"], document.Agencies);
        Assert.Equal(Today, document.PublicationDate);
        Assert.False(document.OnPublicInspection);
        Assert.Equal(new DateOnly(2026, 12, 15), document.EffectiveOn);
        Assert.Equal(new DateOnly(2027, 1, 30), document.CommentsCloseOn);
        Assert.Equal(["15 CFR 744"], document.CfrReferences);
        Assert.Equal(["BIS-2026-0042"], document.DocketIds);
        Assert.Equal(["2026-11111"], document.RelatedDocumentNumbers);
        Assert.Equal("Federal Register: Industry and Security Bureau", result.Feed.Title);
    }

    [Fact]
    public async Task The_search_asks_newest_first_with_the_fields_it_needs_and_keeps_the_source_conditions()
    {
        _fake.Publish(Rule("2026-00001", Today));
        using var host = FederalRegisterHost.Build(_fake, ("Sources:FederalRegister:PerPage", "7"));

        await FederalRegisterHost.ReadAsync(host, new Uri(_fake.SearchUrl("industry-and-security-bureau", "RULE") + "&order=oldest&per_page=500"));

        var search = Assert.Single(_fake.RequestsTo(FakeFederalRegister.SearchPath));
        Assert.Equal(["newest"], search.Values("order"));
        Assert.Equal(["7"], search.Values("per_page"));
        Assert.Equal(["industry-and-security-bureau"], search.Values("conditions[agencies][]"));
        Assert.Equal(["RULE"], search.Values("conditions[type][]"));
        Assert.Subset(search.Values("fields[]").ToHashSet(), new HashSet<string> { "document_number", "effective_on", "comments_close_on", "cfr_references", "docket_ids", "agencies", "abstract", "html_url" });
    }

    [Fact]
    public async Task Paging_follows_next_page_url_to_the_last_page()
    {
        _fake.Publish([.. Enumerable.Range(1, 5).Select(i => Rule($"2026-0000{i}", Today.AddDays(-i)))]);
        using var host = FederalRegisterHost.Build(_fake, ("Sources:FederalRegister:PerPage", "2"));

        var result = await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau"));

        Assert.Equal(["1", "2", "3"], _fake.RequestsTo(FakeFederalRegister.SearchPath).Select(r => r.Values("page").SingleOrDefault() ?? "1"));
        Assert.Equal(5, result.Feed.Items.Count);
        Assert.Equal("fr:2026-00001", result.Feed.Items[0].Guid); // newest first
    }

    [Fact]
    public async Task Paging_stops_at_the_page_cap()
    {
        _fake.Publish([.. Enumerable.Range(1, 9).Select(i => Rule($"2026-0000{i}", Today.AddDays(-i)))]);
        using var host = FederalRegisterHost.Build(_fake, ("Sources:FederalRegister:PerPage", "2"), ("Sources:FederalRegister:MaxPagesPerPoll", "2"));

        var result = await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau"));

        Assert.Equal(2, _fake.RequestsTo(FakeFederalRegister.SearchPath).Count);
        Assert.Equal(4, result.Feed.Items.Count);
    }

    [Fact]
    public async Task Paging_stops_once_a_page_reaches_documents_older_than_the_last_success()
    {
        _fake.Publish([.. Enumerable.Range(0, 8).Select(i => Rule($"2026-0000{i}", Today.AddDays(-3 * i)))]);
        using var host = FederalRegisterHost.Build(_fake, ("Sources:FederalRegister:PerPage", "2"));

        await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau"), lastSuccess: new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

        Assert.Single(_fake.RequestsTo(FakeFederalRegister.SearchPath)); // the first page already reaches 28 Nov
    }

    [Fact]
    public async Task A_next_page_url_outside_the_api_is_not_followed()
    {
        _fake.Publish([.. Enumerable.Range(1, 3).Select(i => Rule($"2026-0000{i}", Today))]);
        _fake.NextPageBase = new Uri("http://127.0.0.2:9/elsewhere/");
        using var host = FederalRegisterHost.Build(_fake, ("Sources:FederalRegister:PerPage", "2"));

        var result = await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau"));

        Assert.Single(_fake.RequestsTo(FakeFederalRegister.SearchPath));
        Assert.Contains(result.Feed.Warnings, w => w.Contains("not followed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Public_inspection_is_kept_to_the_source_agencies_and_marked_with_its_publication_day()
    {
        _fake.PutOnPublicInspection(
            new FakeFrDocument("2026-30000", "Rule", "Entity List additions", Today.AddDays(1), [FakeFrDocument.Bis]) { DocketIds = ["BIS-2026-0050"] },
            new FakeFrDocument("2026-30001", "Notice", "Sanctions notice", Today.AddDays(1), [FakeFrDocument.Ofac]));
        using var host = FederalRegisterHost.Build(_fake);

        var result = await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau"));

        var item = Assert.Single(result.Feed.Items);
        Assert.Equal("fr-pi:2026-30000", item.Guid);
        Assert.Contains("to be published in the Federal Register on 2 Dec 2026", item.Body, StringComparison.Ordinal);
        var document = Assert.IsType<OfficialDocument>(item.Document);
        Assert.True(document.OnPublicInspection);
        Assert.Equal(Today.AddDays(1), document.PublicationDate);
        Assert.Equal(["BIS-2026-0050"], document.DocketIds);
        Assert.Single(_fake.RequestsTo(FakeFederalRegister.PublicInspectionPath));
    }

    [Fact]
    public async Task Public_inspection_is_kept_to_the_source_type_when_it_names_one()
    {
        _fake.PutOnPublicInspection(
            new FakeFrDocument("2026-30000", "Rule", "A rule", Today.AddDays(1), [FakeFrDocument.Bis]),
            new FakeFrDocument("2026-30002", "Notice", "A notice", Today.AddDays(1), [FakeFrDocument.Bis]));
        using var host = FederalRegisterHost.Build(_fake);

        var result = await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau", "NOTICE"));

        Assert.Equal(["fr-pi:2026-30002"], result.Feed.Items.Select(i => i.Guid));
    }

    [Fact]
    public async Task An_unchanged_public_inspection_list_is_asked_for_with_its_etag_and_read_again_from_the_last_answer()
    {
        _fake.PutOnPublicInspection(new FakeFrDocument("2026-30000", "Rule", "A rule", Today.AddDays(1), [FakeFrDocument.Bis]));
        using var host = FederalRegisterHost.Build(_fake);
        await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau"));

        var second = await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau", "RULE"));

        var requests = _fake.RequestsTo(FakeFederalRegister.PublicInspectionPath);
        Assert.Equal([200, 304], requests.Select(r => r.Status));
        Assert.NotNull(requests[1].IfNoneMatch);
        Assert.Equal(["fr-pi:2026-30000"], second.Feed.Items.Select(i => i.Guid));
    }

    [Fact]
    public async Task A_search_the_api_lets_be_cached_for_a_day_gives_no_max_age_since_public_inspection_changes_sooner()
    {
        _fake.Publish(Rule("2026-00001", Today));
        _fake.CacheFor = TimeSpan.FromDays(1);
        using var host = FederalRegisterHost.Build(_fake);

        var result = await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau"));

        Assert.Single(result.Feed.Items);
        Assert.Null(result.MaxAge);
    }

    [Fact]
    public async Task An_unchanged_search_answers_304_to_its_etag_and_public_inspection_is_still_read()
    {
        _fake.Publish(Rule("2026-00001", Today));
        using var host = FederalRegisterHost.Build(_fake);
        var first = await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau"));
        _fake.PutOnPublicInspection(new FakeFrDocument("2026-30000", "Rule", "Next rule", Today.AddDays(1), [FakeFrDocument.Bis]));

        var second = await FederalRegisterHost.ReadAsync(host, _fake.SearchUrl("industry-and-security-bureau"), etag: first.ETag);

        Assert.NotNull(first.ETag);
        Assert.Equal(304, _fake.RequestsTo(FakeFederalRegister.SearchPath)[^1].Status);
        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(["fr-pi:2026-30000"], second.Feed.Items.Select(i => i.Guid));
    }
}
