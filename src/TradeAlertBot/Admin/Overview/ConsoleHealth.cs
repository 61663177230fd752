using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Admin.Overview;

/// <summary>What needs a look, by the same queries as <c>/healthz</c>: failing feeds, paused destinations, broken Slack workspaces.</summary>
public sealed record ConsoleHealth(
    IReadOnlyList<ConsoleHealth.FailingFeed> Feeds,
    IReadOnlyList<ConsoleHealth.PausedDestination> Destinations,
    IReadOnlyList<ConsoleHealth.BrokenWorkspace> Workspaces)
{
    private const int Listed = 20;

    public bool AllWell => Feeds.Count == 0 && Destinations.Count == 0 && Workspaces.Count == 0;

    public static async Task<ConsoleHealth> LoadAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var feeds = await db.Feeds.AsNoTracking().Failing().OrderByDescending(f => f.ConsecutiveErrors).ThenBy(f => f.Id).Take(Listed)
            .Select(f => new { f.Id, f.Title, f.Url, f.ConsecutiveErrors, f.LastError }).ToListAsync(ct);
        var destinations = await db.Destinations.AsNoTracking().Paused().OrderBy(d => d.Id).Take(Listed)
            .Select(d => new { d.Id, d.Kind, d.Name, d.Address, d.PausedReason }).ToListAsync(ct);
        var workspaces = await db.SlackWorkspaces.AsNoTracking().Broken().OrderBy(w => w.Id).Take(Listed)
            .Select(w => new BrokenWorkspace(w.TeamId, w.Name, w.BrokenReason!)).ToListAsync(ct);
        return new ConsoleHealth(
            [.. feeds.Select(f => new FailingFeed(f.Id, f.Title ?? ShownUrl.Redacted(f.Url), f.ConsecutiveErrors, f.LastError))],
            [.. destinations.Select(d => new PausedDestination(d.Id, d.Kind, d.Name ?? ShownUrl.Origin(d.Address), d.PausedReason))],
            workspaces);
    }

    public sealed record FailingFeed(long Id, string Name, int Errors, string? LastError);

    public sealed record PausedDestination(long Id, string Kind, string Name, string? Reason);

    public sealed record BrokenWorkspace(string TeamId, string? Name, string Reason);
}
