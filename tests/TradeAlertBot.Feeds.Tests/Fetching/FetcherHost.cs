using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Tests.Fetching;

/// <summary>Builds a <see cref="FeedFetcher"/> the way the host does (AddFeeds), from settings given as key/value pairs.</summary>
internal static class FetcherHost
{
    public static ServiceProvider Build(IDictionary<string, string?> settings, TimeProvider? timeProvider = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddLogging();
        services.AddFeeds(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static FeedFetcher Fetcher(ServiceProvider provider) => provider.GetRequiredService<FeedFetcher>();

    /// <summary>Settings that let the fetcher reach the local test server on 127.0.0.1 (and nothing else private).</summary>
    public static Dictionary<string, string?> LocalSettings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Feeds:AllowedPrivateHosts"] = "127.0.0.1" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
