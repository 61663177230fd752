using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Hosting;

/// <summary>Where the bundled sample feeds live (copied next to the program at build time).</summary>
public static class SampleFeeds
{
    /// <summary>The samples folder when <c>Feeds:UseSamples</c> is on (the default) and the folder exists; else null.</summary>
    public static string? Directory(FeedsOptions options) =>
        options.UseSamples && options.SamplesDirectory is { } folder && System.IO.Directory.Exists(folder) ? folder : null;
}
