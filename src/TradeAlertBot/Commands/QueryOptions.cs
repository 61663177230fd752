using System.ComponentModel.DataAnnotations;

namespace TradeAlertBot.Commands;

/// <summary>
/// The <c>Commands</c> settings for the commands that scan stored items (<c>search</c>, <c>rule test</c>): each
/// has a time budget, each user a rate, and they run on their own job queue and workers.
/// </summary>
public sealed class QueryOptions
{
    public const string SectionName = "Commands";

    /// <summary>How long one scan may take; past it the answer is what was found so far, marked incomplete.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan QueryBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Scans one user may start per <see cref="QueryWindow"/>.</summary>
    [Range(1, 10_000)]
    public int QueriesPerUser { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan QueryWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Workers serving the <c>queries</c> job queue; alert sends have their own and never wait for these.</summary>
    [Range(1, 64)]
    public int QueryWorkers { get; set; } = 2;
}
