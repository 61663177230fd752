using System.Net;
using Microsoft.Extensions.Options;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Tests.Fetching;

public sealed class UrlGuardTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("feeds-guard-");

    [Theory]
    [InlineData("http://127.0.0.1/feed", "loopback")]
    [InlineData("http://127.1.2.3:8080/feed", "loopback")]
    [InlineData("http://2130706433/feed", "loopback")] // 127.0.0.1 written as one decimal number
    [InlineData("http://localhost/feed", "loopback")]
    [InlineData("http://[::1]/feed", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]/feed", "loopback")]
    [InlineData("http://10.0.0.1/feed", "private")]
    [InlineData("http://172.16.5.4/feed", "private")]
    [InlineData("http://192.168.1.1/feed", "private")]
    [InlineData("http://[fc00::1]/feed", "private")]
    [InlineData("http://100.64.0.1/feed", "carrier-grade NAT")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "cloud metadata")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/", "cloud metadata")]
    [InlineData("http://169.254.10.10/", "link-local")]
    [InlineData("http://[fe80::1]/", "link-local")]
    [InlineData("http://0.0.0.0/", "unspecified")]
    [InlineData("http://[::]/", "unspecified")]
    [InlineData("http://224.0.0.1/", "multicast")]
    [InlineData("http://[ff02::1]/", "multicast")]
    [InlineData("http://255.255.255.255/", "reserved")]
    [InlineData("http://[64:ff9b::a00:1]/", "private")] // NAT64 form of 10.0.0.1
    [InlineData("ftp://example.com/feed.xml", "ftp: URLs are not allowed")]
    [InlineData("gopher://example.com/", "gopher: URLs are not allowed")]
    [InlineData("file:///etc/passwd", "file: URLs are not allowed")]
    public async Task Hostile_urls_are_refused_with_a_reason(string url, string reason)
    {
        var guard = Guard(new FeedsOptions());

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => guard.CheckAsync(new Uri(url), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
        Assert.StartsWith("fetch: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://93.184.215.14/feed")]
    [InlineData("https://[2606:4700::1111]/feed")]
    public async Task Public_addresses_pass(string url)
    {
        var guard = Guard(new FeedsOptions());

        var exception = await Record.ExceptionAsync(() => guard.CheckAsync(new Uri(url), CancellationToken.None));

        Assert.Null(exception);
    }

    [Fact]
    public async Task A_host_name_is_judged_by_every_address_it_resolves_to()
    {
        var guard = new UrlGuard(
            Options.Create(new FeedsOptions()),
            (_, _) => Task.FromResult(new[] { IPAddress.Parse("93.184.215.14"), IPAddress.Parse("10.1.2.3") }));

        var error = await Assert.ThrowsAsync<FeedFetchException>(
            () => guard.CheckAsync(new Uri("https://mixed.test/feed"), CancellationToken.None));

        Assert.Equal("fetch: address 10.1.2.3 (resolved from 'mixed.test') is private; feeds must be on public addresses (Feeds:AllowedPrivateHosts exempts a host)", error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:5000/feed")]
    [InlineData("LOCALHOST", "http://localhost/feed")]
    [InlineData("::1", "http://[::1]/feed")]
    public async Task Allowed_hosts_are_exempt(string allowed, string url)
    {
        var guard = Guard(new FeedsOptions { AllowedPrivateHosts = [allowed] });

        var exception = await Record.ExceptionAsync(() => guard.CheckAsync(new Uri(url), CancellationToken.None));

        Assert.Null(exception);
    }

    [Fact]
    public async Task An_allowed_ip_does_not_exempt_other_names_for_it()
    {
        var guard = Guard(new FeedsOptions { AllowedPrivateHosts = ["127.0.0.1"] });

        var error = await Assert.ThrowsAsync<FeedFetchException>(() => guard.CheckAsync(new Uri("http://localhost/"), CancellationToken.None));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
    }

    [Fact]
    public void A_file_under_the_samples_directory_is_allowed()
    {
        var file = Path.Combine(_temp.FullName, "tariffs.xml");
        File.WriteAllText(file, "<rss/>");
        var guard = Guard(new FeedsOptions { SamplesDirectory = _temp.FullName });

        Assert.Equal(file, guard.ResolveSampleFile(new Uri(file)));
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("{samples}/../outside.xml")]
    [InlineData("{samples}-sibling/feed.xml")]
    public void A_file_outside_the_samples_directory_is_refused(string path)
    {
        var guard = Guard(new FeedsOptions { SamplesDirectory = _temp.FullName });
        var url = new Uri("file://" + path.Replace("{samples}", _temp.FullName, StringComparison.Ordinal));

        var error = Assert.Throws<FeedFetchException>(() => guard.ResolveSampleFile(url));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
        Assert.Contains("outside the samples directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symbolic_link_out_of_the_samples_directory_is_refused()
    {
        var samples = Directory.CreateDirectory(Path.Combine(_temp.FullName, "samples"));
        var secret = Path.Combine(_temp.FullName, "secret.txt");
        File.WriteAllText(secret, "secret");
        var link = File.CreateSymbolicLink(Path.Combine(samples.FullName, "feed.xml"), secret);
        var guard = Guard(new FeedsOptions { SamplesDirectory = samples.FullName });

        var error = Assert.Throws<FeedFetchException>(() => guard.ResolveSampleFile(new Uri(link.FullName)));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
    }

    [Fact]
    public void File_urls_are_refused_when_no_samples_directory_is_set()
    {
        var guard = Guard(new FeedsOptions());

        var error = Assert.Throws<FeedFetchException>(() => guard.ResolveSampleFile(new Uri("file:///srv/samples/feed.xml")));

        Assert.Equal(FeedFetchErrorKind.Blocked, error.Kind);
    }

    public void Dispose() => _temp.Delete(recursive: true);

    private static UrlGuard Guard(FeedsOptions options) => new(Options.Create(options));
}
