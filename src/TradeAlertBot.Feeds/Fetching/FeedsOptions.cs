using System.ComponentModel.DataAnnotations;

namespace TradeAlertBot.Feeds.Fetching;

/// <summary>Settings for fetching feeds, bound from the "Feeds" section.</summary>
public sealed class FeedsOptions
{
    public const string SectionName = "Feeds";

    /// <summary>How long one fetch may take, redirects and body included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body accepted, counted after decompression.</summary>
    [Range(1024L, 256L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many redirects one fetch follows.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Hosts (names or IP literals) exempt from the private-address guard, e.g. "127.0.0.1" for a local test server.
    /// Accepts a list or one comma-separated string (as an environment variable gives it).
    /// </summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];

    /// <summary>The only directory file: feed URLs may read from (the bundled samples); null refuses file: URLs.</summary>
    public string? SamplesDirectory { get; set; }

    /// <summary>Poll the bundled sample feeds (copied next to the program) while no feed is configured.</summary>
    public bool UseSamples { get; set; } = true;

    /// <summary>How often a feed is polled unless it has its own interval or the server asks for longer.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Fetches in flight at once, all feeds together.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentFetches { get; set; } = 32;

    /// <summary>Fetches in flight at once to one host.</summary>
    [Range(1, 100)]
    public int MaxConcurrentPerHost { get; set; } = 4;

    /// <summary>
    /// How long parsing and classifying one fetched document may take (the fetch has its own <see cref="Timeout"/>);
    /// past it the poll stops and the feed records a parse timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ParseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a running poll's lease on its feed lasts; the poll renews it every third of this while it runs, so a
    /// feed whose node died is polled again by another node within this plus one dispatch period (15 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deepest element nesting accepted in a feed document (real feeds nest under ten levels).</summary>
    [Range(8, 1024)]
    public int MaxXmlDepth { get; set; } = 64;

    /// <summary>Most items (RSS item, Atom entry) accepted in one document; a longer one is refused unread.</summary>
    [Range(1, 100_000)]
    public int MaxItemsPerDocument { get; set; } = 2_000;

    /// <summary>New items stored per poll, newest first; the rest come on the next polls.</summary>
    [Range(1, 100_000)]
    public int MaxItemsPerPoll { get; set; } = 500;

    /// <summary>Characters of one HTML title or description read; the rest is dropped before parsing.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxHtmlLength { get; set; } = 256 * 1024;

    /// <summary>Deepest tag nesting an HTML fragment may have to be parsed as HTML; deeper ones are reduced to text by stripping tags.</summary>
    [Range(8, 4096)]
    public int MaxHtmlDepth { get; set; } = 256;

    [Required]
    [MinLength(1)]
    public string UserAgent { get; set; } = "TradeAlertBot/1.0 (feed reader)";
}
