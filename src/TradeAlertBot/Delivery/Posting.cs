namespace TradeAlertBot.Deliveries;

/// <summary>
/// Where a step of <see cref="AlertPoster"/> left a row: whether the caller goes on to the next step, and when the
/// row's job should run again if the step made it wait (a rate limit, a retry, a rate-limited lookup).
/// </summary>
public sealed record Posting(bool Done, TimeSpan? RunAgainIn = null)
{
    /// <summary>Nothing settled: go on to the next step.</summary>
    public static readonly Posting Continue = new(false);

    /// <summary>Settled for now (held, found already posted, sent); nothing to schedule.</summary>
    public static readonly Posting Finished = new(true);

    public static Posting RunAgainAfter(TimeSpan wait) => new(true, wait);
}
