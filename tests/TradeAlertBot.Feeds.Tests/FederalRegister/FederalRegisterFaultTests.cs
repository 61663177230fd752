using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Feeds.Parsing;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Feeds.Tests.FederalRegister;

public sealed class FederalRegisterFaultTests : IAsyncLifetime
{
    private FakeFederalRegister _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeFederalRegister.StartAsync();
        _fake.Publish(new FakeFrDocument("2026-00001", "Rule", "A rule", new DateOnly(2026, 12, 1), [FakeFrDocument.Bis]));
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private Uri Source => _fake.SearchUrl("industry-and-security-bureau");

    [Fact]
    public async Task A_429_with_a_short_retry_after_is_waited_out_and_the_read_succeeds()
    {
        _fake.RateLimit(1, TimeSpan.FromSeconds(1));
        using var host = FederalRegisterHost.Build(_fake);

        var result = await FederalRegisterHost.ReadAsync(host, Source);

        Assert.Equal([429, 200], _fake.RequestsTo(FakeFederalRegister.SearchPath).Select(r => r.Status));
        Assert.Equal("fr:2026-00001", Assert.Single(result.Feed.Items).Guid);
    }

    [Fact]
    public async Task A_429_with_a_long_retry_after_fails_the_read_saying_how_long_the_api_asks_to_wait()
    {
        _fake.RateLimit(1, TimeSpan.FromSeconds(120));
        using var host = FederalRegisterHost.Build(_fake);

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => FederalRegisterHost.ReadAsync(host, Source));

        Assert.Equal(FeedFetchErrorKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Contains("wait 120 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:FederalRegister:MaxRetryAfterWait", error.Message, StringComparison.Ordinal);
        Assert.Single(_fake.RequestsTo(FakeFederalRegister.SearchPath));
    }

    [Fact]
    public async Task A_429_that_keeps_coming_fails_after_a_bounded_number_of_waits()
    {
        _fake.RateLimit(10, TimeSpan.Zero);
        using var host = FederalRegisterHost.Build(_fake);

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => FederalRegisterHost.ReadAsync(host, Source));

        Assert.Equal(FeedFetchErrorKind.RateLimited, error.Kind);
        Assert.Equal(3, _fake.Requests.Count);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"count": 1, "results": [{"document_number": 5}]}""")]
    [InlineData("""{"count": 1, "results": {"document_number": "2026-1"}}""")]
    [InlineData("null")]
    [InlineData("""{"count": 1, "results": [{"title": "cut off""")]
    public async Task An_answer_that_is_not_the_api_json_fails_the_read_clearly(string body)
    {
        _fake.Answer(FakeFederalRegister.SearchPath, 200, body);
        using var host = FederalRegisterHost.Build(_fake);

        var error = await Assert.ThrowsAsync<FeedParseException>(() => FederalRegisterHost.ReadAsync(host, Source));

        Assert.StartsWith("federal register: the answer is", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deeply_nested_answer_is_refused_without_being_read_to_the_bottom()
    {
        var depth = 100_000;
        _fake.Answer(FakeFederalRegister.SearchPath, 200, """{"count": 1, "extra": """ + new string('[', depth) + new string(']', depth) + "}");
        using var host = FederalRegisterHost.Build(_fake);

        var error = await Assert.ThrowsAsync<FeedParseException>(() => FederalRegisterHost.ReadAsync(host, Source));

        Assert.Equal(FeedParseErrorKind.NotAFeed, error.Kind);
    }

    [Fact]
    public async Task An_answer_larger_than_the_fetch_cap_is_refused()
    {
        _fake.Answer(FakeFederalRegister.SearchPath, 200, "{\"count\": 1, \"description\": \"" + new string('x', 4096) + "\"}");
        using var host = FederalRegisterHost.Build(_fake, ("Feeds:MaxBytes", "2048"));

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => FederalRegisterHost.ReadAsync(host, Source));

        Assert.Equal(FeedFetchErrorKind.TooLarge, error.Kind);
    }

    [Fact]
    public async Task More_documents_than_a_document_may_hold_are_refused()
    {
        var results = string.Join(',', Enumerable.Range(0, 11).Select(i => $$"""{"document_number":"2026-{{i}}"}"""));
        _fake.Answer(FakeFederalRegister.SearchPath, 200, """{"count": 11, "results": [""" + results + "]}");
        using var host = FederalRegisterHost.Build(_fake, ("Feeds:MaxItemsPerDocument", "10"));

        var error = await Assert.ThrowsAsync<FeedParseException>(() => FederalRegisterHost.ReadAsync(host, Source));

        Assert.Equal(FeedParseErrorKind.TooManyItems, error.Kind);
    }
}
