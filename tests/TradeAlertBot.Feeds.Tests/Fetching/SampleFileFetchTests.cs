using System.Text;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Tests.Fetching;

public sealed class SampleFileFetchTests : IDisposable
{
    private readonly DirectoryInfo _samples = Directory.CreateTempSubdirectory("feeds-samples-");

    [Fact]
    public async Task A_sample_file_is_read_with_its_modification_time_as_validator()
    {
        var path = WriteSample("tariffs.xml", "<rss version=\"2.0\"><channel/></rss>");
        using var provider = FetcherHost.Build(new Dictionary<string, string?> { ["Feeds:SamplesDirectory"] = _samples.FullName });

        var result = await FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(new Uri(path)), CancellationToken.None);

        var content = Assert.IsType<FetchResult.Content>(result);
        Assert.Equal("<rss version=\"2.0\"><channel/></rss>", Encoding.UTF8.GetString(content.Body));
        Assert.Equal("Mon, 06 Jan 2025 10:00:00 GMT", content.LastModified);
    }

    [Fact]
    public async Task An_unchanged_sample_file_is_not_modified()
    {
        var path = WriteSample("tariffs.xml", "<rss/>");
        using var provider = FetcherHost.Build(new Dictionary<string, string?> { ["Feeds:SamplesDirectory"] = _samples.FullName });

        var result = await FetcherHost.Fetcher(provider).FetchAsync(
            new FeedRequest(new Uri(path), LastModified: "Mon, 06 Jan 2025 10:00:00 GMT"), CancellationToken.None);

        Assert.IsType<FetchResult.NotModified>(result);
    }

    [Fact]
    public async Task A_missing_sample_file_is_a_404()
    {
        using var provider = FetcherHost.Build(new Dictionary<string, string?> { ["Feeds:SamplesDirectory"] = _samples.FullName });

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => FetcherHost.Fetcher(provider).FetchAsync(
            new FeedRequest(new Uri(Path.Combine(_samples.FullName, "missing.xml"))), CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task A_sample_file_over_the_cap_is_too_large()
    {
        var path = WriteSample("big.xml", new string('x', 2048));
        using var provider = FetcherHost.Build(new Dictionary<string, string?>
        {
            ["Feeds:SamplesDirectory"] = _samples.FullName,
            ["Feeds:MaxBytes"] = "1024",
        });

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => FetcherHost.Fetcher(provider).FetchAsync(new FeedRequest(new Uri(path)), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.TooLarge, error.Kind);
    }

    public void Dispose() => _samples.Delete(recursive: true);

    private string WriteSample(string name, string text)
    {
        var path = Path.Combine(_samples.FullName, name);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, new DateTime(2025, 1, 6, 10, 0, 0, DateTimeKind.Utc));
        return path;
    }
}
