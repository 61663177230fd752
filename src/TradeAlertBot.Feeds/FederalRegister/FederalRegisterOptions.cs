using System.ComponentModel.DataAnnotations;

namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>
/// How the Federal Register API is read, bound from "Sources:FederalRegister". A feed URL under
/// <see cref="BaseUrl"/> naming <c>documents.json</c> is read as the API's JSON rather than as RSS.
/// </summary>
public sealed class FederalRegisterOptions
{
    public const string SectionName = "Sources:FederalRegister";

    /// <summary>The API's root, ending in a slash (https://www.federalregister.gov/developers/documentation/api/v1).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://www.federalregister.gov/api/v1/");

    /// <summary>Requests per second to the API, all sources together (the API asks clients to be polite; it answers 429 otherwise).</summary>
    [Range(0.1, 20)]
    public double RequestsPerSecond { get; set; } = 2;

    /// <summary>Result pages read per poll at most; a source's first poll stops here instead of reading years back.</summary>
    [Range(1, 50)]
    public int MaxPagesPerPoll { get; set; } = 3;

    /// <summary>Documents asked for per page (the API's per_page: 20 by default, 1000 at most).</summary>
    [Range(1, 1000)]
    public int PerPage { get; set; } = 20;

    /// <summary>
    /// The longest Retry-After a poll waits out after a 429 before asking again; a longer one fails the poll (feed
    /// health shows it) and the next poll comes after the wait.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(10);
}
