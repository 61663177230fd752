using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Feeds.FederalRegister;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Feeds.Tests.Fetching;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Feeds.Tests.FederalRegister;

/// <summary>A <see cref="FederalRegisterReader"/> built as the host builds it (AddFeeds), pointed at a <see cref="FakeFederalRegister"/>.</summary>
internal static class FederalRegisterHost
{
    public static ServiceProvider Build(FakeFederalRegister fake, params (string Key, string? Value)[] extra) =>
        FetcherHost.Build(FetcherHost.LocalSettings(
            [("Sources:FederalRegister:BaseUrl", fake.BaseUrl.AbsoluteUri), ("Sources:FederalRegister:RequestsPerSecond", "20"), .. extra]));

    public static FederalRegisterReader Reader(ServiceProvider provider) => provider.GetRequiredService<FederalRegisterReader>();

    public static Task<FederalRegisterResult> ReadAsync(ServiceProvider provider, Uri source, DateTimeOffset? lastSuccess = null, string? etag = null) =>
        Reader(provider).ReadAsync(new FeedRequest(source, etag), lastSuccess, CancellationToken.None);
}
