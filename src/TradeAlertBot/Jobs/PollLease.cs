using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Jobs;

/// <summary>
/// How long a feed stays leased (<c>Feed.PollingUntil</c>) so that no second poll of it starts. Dispatch leases a
/// feed for at least <see cref="Queued"/> while its job waits for a worker; the running poll renews the lease when
/// it starts and again after the fetch, each time for longer than the rest of its work can take (the fetch and
/// parse are each bounded by their own timeouts), so a feed whose poll is still running is never leased again.
/// </summary>
public static class PollLease
{
    /// <summary>Time for the poll job to reach a free worker.</summary>
    public static readonly TimeSpan Queued = TimeSpan.FromMinutes(5);

    /// <summary>Slack for the database work outside the timeouts (storing the batch, recording the outcome).</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>The lease dispatch takes: the longer of the queue allowance and a whole poll.</summary>
    public static TimeSpan AtDispatch(FeedsOptions options) => Max(Queued, WholePoll(options));

    /// <summary>The lease a starting poll takes: the fetch, then parse and classify.</summary>
    public static TimeSpan WholePoll(FeedsOptions options) => options.Timeout + options.ParseTimeout + Margin;

    /// <summary>The lease a poll takes once its fetch is done: parse and classify.</summary>
    public static TimeSpan AfterFetch(FeedsOptions options) => options.ParseTimeout + Margin;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
