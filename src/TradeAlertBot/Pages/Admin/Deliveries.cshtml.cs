using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>
/// Dead and failed deliveries with their errors; replay one or many through <see cref="DeliveryReplay"/>, the helper
/// chat's <c>replay</c> uses (never a sent one; each replay audited).
/// </summary>
public sealed class DeliveriesModel(TradeAlertDbContext db, DeliveryReplay replay) : PageModel
{
    /// <summary>The most rows one "Replay selected" takes (a page shows at most <see cref="DeliveriesQuery.Shown"/>).</summary>
    private const int MaxSelected = DeliveriesQuery.Shown;

    public IReadOnlyList<DeliveriesRow> Rows { get; private set; } = [];

    public IReadOnlyList<(long Id, string Label)> Destinations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Destination { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var state = State switch { "dead" => DeliveryState.Dead, "failed" => DeliveryState.Failed, _ => (DeliveryState?)null };
        State = state?.ToString().ToLowerInvariant();
        Rows = await DeliveriesQuery.LoadAsync(db, state, Destination, ct);
        Destinations = await DeliveriesQuery.DestinationsAsync(db, ct);
    }

    public async Task<IActionResult> OnPostReplayOneAsync(long id, CancellationToken ct)
    {
        try
        {
            TempData["Message"] = await replay.ReplayAsync(id, AuditActor.Web(User), ct);
        }
        catch (UsageException e)
        {
            TempData["Error"] = e.Message.Replace("`", "", StringComparison.Ordinal);
        }

        return Back();
    }

    public async Task<IActionResult> OnPostReplaySelectedAsync(long[] selected, CancellationToken ct)
    {
        if (selected.Length == 0)
        {
            TempData["Error"] = "Select the deliveries to replay first.";
            return Back();
        }

        var said = new List<string>();
        foreach (var id in selected.Distinct().Take(MaxSelected))
        {
            try
            {
                said.Add(await replay.ReplayAsync(id, AuditActor.Web(User), ct));
            }
            catch (UsageException e)
            {
                said.Add(e.Message.Replace("`", "", StringComparison.Ordinal));
            }
        }

        TempData["Message"] = string.Join(" ", said);
        return Back();
    }

    private RedirectToPageResult Back() => RedirectToPage(new { State, Destination });
}
