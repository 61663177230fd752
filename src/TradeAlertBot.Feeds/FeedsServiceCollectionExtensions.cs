using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TradeAlertBot.Feeds.FederalRegister;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Feeds.Parsing;

namespace TradeAlertBot.Feeds;

public static class FeedsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FeedFetcher"/> (a typed HttpClient behind the SSRF guard), <see cref="FeedParser"/> and
    /// <see cref="FeedsOptions"/> bound from the "Feeds" section and validated at startup; the Federal Register
    /// reader over the same fetcher, with <see cref="FederalRegisterOptions"/> from "Sources:FederalRegister".
    /// </summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(FeedsOptions.SectionName);
        services.AddOptions<FeedsOptions>()
            .Bind(section)
            .PostConfigure(options =>
            {
                AddCommaSeparatedHosts(options, section);
                // The bundled samples are copied next to the program; file: feeds may read only from there.
                if (options.UseSamples && options.SamplesDirectory is null)
                {
                    options.SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "samples", "feeds");
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UrlGuard>();
        services.TryAddSingleton<FetchThrottle>();
        services.TryAddSingleton<FeedParser>();
        services.AddOptions<FederalRegisterOptions>()
            .Bind(configuration.GetSection(FederalRegisterOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<FederalRegisterPacer>();
        services.TryAddSingleton<PublicInspectionCache>();
        services.TryAddTransient<FederalRegisterReader>();
        services.AddHttpClient<FeedFetcher>(client => client.Timeout = Timeout.InfiniteTimeSpan) // FeedFetcher times the whole fetch
            .ConfigurePrimaryHttpMessageHandler(provider => FeedHttpHandler.Create(provider.GetRequiredService<UrlGuard>()));
        return services;
    }

    // "Feeds:AllowedPrivateHosts=127.0.0.1,localhost" (one string, as from an environment variable) binds to no list item.
    private static void AddCommaSeparatedHosts(FeedsOptions options, IConfigurationSection section)
    {
        var value = section[nameof(FeedsOptions.AllowedPrivateHosts)];
        if (!string.IsNullOrWhiteSpace(value))
        {
            options.AllowedPrivateHosts.AddRange(value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
    }
}
