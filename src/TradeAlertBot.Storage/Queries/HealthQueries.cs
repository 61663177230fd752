using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Queries;

/// <summary>What counts as needing a look, said once for <c>/healthz</c> and the admin console's overview.</summary>
public static class HealthQueries
{
    /// <summary>Consecutive errors after which a polled feed counts as failing.</summary>
    public const int FailingAfter = 3;

    /// <summary>Polled feeds whose last <see cref="FailingAfter"/> fetches or more all failed.</summary>
    public static IQueryable<Feed> Failing(this IQueryable<Feed> feeds) =>
        feeds.Where(f => f.Enabled && f.ConsecutiveErrors >= FailingAfter);

    /// <summary>Destinations paused because their platform refused alerts (bot removed, channel archived, webhook off).</summary>
    public static IQueryable<Destination> Paused(this IQueryable<Destination> destinations) =>
        destinations.Where(d => d.Paused);

    /// <summary>Slack workspaces whose bot token Slack refused: their alerts wait until the app is reinstalled.</summary>
    public static IQueryable<SlackWorkspace> Broken(this IQueryable<SlackWorkspace> workspaces) =>
        workspaces.Where(w => w.BrokenReason != null);
}
