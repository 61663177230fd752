namespace TradeAlertBot.Hosting;

/// <summary>Where the bundled sample feeds live (copied next to the program at build time).</summary>
public static class SampleFeeds
{
    /// <summary>The samples folder when <c>Feeds:UseSamples</c> is on (the default) and the folder exists; else null.</summary>
    public static string? Directory(IConfiguration configuration)
    {
        if (!configuration.GetValue("Feeds:UseSamples", true))
        {
            return null;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "feeds");
        return System.IO.Directory.Exists(folder) ? folder : null;
    }
}
