using Microsoft.AspNetCore.Mvc.RazorPages;
using TradeAlertBot.Admin.Charts;
using TradeAlertBot.Admin.Overview;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Pages.Admin;

/// <summary>The console's first page: what the bot is doing at a glance. Each part is one bounded query (Admin/Overview).</summary>
public sealed class IndexModel(TradeAlertDbContext db, TimeProvider time) : PageModel
{
    public const int Days = 30;
    public const int RecentCount = 20;

    public ConsoleHealth Health { get; private set; } = null!;

    public DailyChart Alerts { get; private set; } = null!;

    public bool AlertsCapped { get; private set; }

    public DeliveryLatency Latency { get; private set; } = null!;

    public OutboxDepth Outbox { get; private set; } = null!;

    public IReadOnlyList<RecentAlert> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var now = time.GetUtcNow();
        Health = await ConsoleHealth.LoadAsync(db, ct);
        var days = await CategoryDays.LoadAsync(db, now, Days, ct);
        Alerts = days.Chart("Alerts per category per day", "alerts");
        AlertsCapped = days.Capped;
        Latency = await DeliveryLatency.LoadAsync(db, now, ct);
        Outbox = await OutboxDepth.LoadAsync(db, ct);
        Recent = await RecentAlerts.LoadAsync(db, RecentCount, ct);
    }
}
