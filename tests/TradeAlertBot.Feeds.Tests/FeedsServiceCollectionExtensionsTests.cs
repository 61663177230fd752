using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Feeds.Parsing;
using TradeAlertBot.Feeds.Tests.Fetching;

namespace TradeAlertBot.Feeds.Tests;

public class FeedsServiceCollectionExtensionsTests
{
    [Fact]
    public void Defaults_apply_when_nothing_is_configured()
    {
        using var provider = FetcherHost.Build(new Dictionary<string, string?>());

        var options = provider.GetRequiredService<IOptions<FeedsOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(10 * 1024 * 1024, options.MaxBytes);
        Assert.Equal(5, options.MaxRedirects);
        Assert.Empty(options.AllowedPrivateHosts);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "samples", "feeds"), options.SamplesDirectory); // UseSamples is on by default
    }

    [Fact]
    public void Settings_bind_from_the_feeds_section()
    {
        using var provider = FetcherHost.Build(new Dictionary<string, string?>
        {
            ["Feeds:Timeout"] = "00:00:05",
            ["Feeds:MaxBytes"] = "2048",
            ["Feeds:MaxRedirects"] = "2",
            ["Feeds:AllowedPrivateHosts:0"] = "127.0.0.1",
            ["Feeds:AllowedPrivateHosts:1"] = "feeds.internal",
            ["Feeds:SamplesDirectory"] = "samples/feeds",
            ["Feeds:UserAgent"] = "Bot/3",
        });

        var options = provider.GetRequiredService<IOptions<FeedsOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.Equal(2048, options.MaxBytes);
        Assert.Equal(2, options.MaxRedirects);
        Assert.Equal(["127.0.0.1", "feeds.internal"], options.AllowedPrivateHosts);
        Assert.Equal("samples/feeds", options.SamplesDirectory);
        Assert.Equal("Bot/3", options.UserAgent);
    }

    [Fact]
    public void Allowed_hosts_may_be_one_comma_separated_string()
    {
        using var provider = FetcherHost.Build(new Dictionary<string, string?> { ["Feeds:AllowedPrivateHosts"] = "127.0.0.1, localhost" });

        Assert.Equal(["127.0.0.1", "localhost"], provider.GetRequiredService<IOptions<FeedsOptions>>().Value.AllowedPrivateHosts);
    }

    [Theory]
    [InlineData("Feeds:MaxBytes", "0")]
    [InlineData("Feeds:Timeout", "00:00:00")]
    [InlineData("Feeds:MaxRedirects", "-1")]
    [InlineData("Feeds:UserAgent", "")]
    public void Invalid_settings_fail_validation(string key, string value)
    {
        using var provider = FetcherHost.Build(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FeedsOptions>>().Value);

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fetcher_and_parser_resolve()
    {
        using var provider = FetcherHost.Build(new Dictionary<string, string?>());

        Assert.NotNull(provider.GetRequiredService<FeedFetcher>());
        Assert.NotNull(provider.GetRequiredService<FeedParser>());
    }
}
