using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>
/// Destinations and their subscriptions, edited with the rules of the chat commands (<c>subscribe</c>,
/// <c>unsubscribe</c>, <c>mute</c>, <c>quiet</c>, <c>digest</c>, <c>resume</c>): through <see cref="ChannelSettings"/>
/// and <see cref="SubscriptionArgs"/>, the helpers their handlers use.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 2 * DestinationsWatchList.MaxBytes)]
[RequestSizeLimit(2 * DestinationsWatchList.MaxBytes)]
public sealed class DestinationsModel(TradeAlertDbContext db, ChannelSettings settings, AuditLog audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<DestinationsRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> RuleNames { get; private set; } = [];

    /// <summary>Each destination's watch-list entries, oldest first (numbered as <c>watch list</c> numbers them).</summary>
    public ILookup<long, WatchListEntry> WatchLists { get; private set; } = Array.Empty<WatchListEntry>().ToLookup(e => e.DestinationId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Rows = await DestinationsQuery.LoadAsync(db, ct);
        RuleNames = await DestinationsQuery.RuleNamesAsync(db, ct);
        WatchLists = (await db.WatchListEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct)).ToLookup(e => e.DestinationId);
    }

    public async Task<IActionResult> OnGetWatchListAsync(long id, CancellationToken ct) =>
        File(System.Text.Encoding.UTF8.GetBytes(await DestinationsWatchList.ExportAsync(db, id, ct)), "text/csv; charset=utf-8", $"watch-list-{id}.csv");

    public Task<IActionResult> OnPostWatchImportAsync(long id, IFormFile? csv, CancellationToken ct) => ChangeAsync(id, d =>
        DestinationsWatchList.ImportAsync(db, audit, Actor, d, csv, time.GetUtcNow(), ct), ct);

    public Task<IActionResult> OnPostSubscribeAsync(long id, string? rule, string? filters, CancellationToken ct) => ChangeAsync(id, async d =>
    {
        string[] args = [rule ?? "", .. (filters ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        var wanted = await SubscriptionArgs.ParseAsync(db, rule is { Length: > 0 } ? args : [], mustExist: true, ct);
        return settings.Subscribe(d, wanted, Actor)
            ? $"Subscribed {Name(d)} to {AuditTargets.Subscription(wanted)}."
            : $"{Name(d)} already gets {AuditTargets.Subscription(wanted)}.";
    }, ct);

    public Task<IActionResult> OnPostUnsubscribeAsync(long id, long subscription, CancellationToken ct) => ChangeAsync(id, d =>
    {
        var existing = d.Subscriptions.FirstOrDefault(s => s.Id == subscription)
            ?? throw new UsageException($"{Name(d)} has no subscription {subscription} (any more).");
        settings.Unsubscribe(d, existing, Actor);
        return Task.FromResult($"Unsubscribed {Name(d)} from {AuditTargets.Subscription(existing)}.");
    }, ct);

    public Task<IActionResult> OnPostMuteAsync(long id, string? mute, CancellationToken ct) => ChangeAsync(id, d =>
        Task.FromResult(settings.Mute(d, mute ?? "", time.GetUtcNow(), Actor) is { } until
            ? $"Muted {Name(d)}: alerts are held and arrive after {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC."
            : $"Unmuted {Name(d)}: alerts resume now, held ones included."), ct);

    public Task<IActionResult> OnPostQuietAsync(long id, string? quiet, string? zone, CancellationToken ct) => ChangeAsync(id, d =>
        Task.FromResult(settings.Quiet(d, quiet ?? "", Blank(zone), Actor) is { } hours
            ? $"Quiet hours of {Name(d)}: {hours} {d.TimeZone ?? "UTC"}."
            : $"Quiet hours of {Name(d)} off."), ct);

    public Task<IActionResult> OnPostDigestAsync(long id, string? digest, string? zone, CancellationToken ct) => ChangeAsync(id, d =>
        Task.FromResult(settings.Digest(d, digest ?? "", Blank(zone), time.GetUtcNow(), Actor) is { } schedule
            ? $"Digest of {Name(d)}: {schedule} {d.TimeZone ?? "UTC"}; the next one at {d.NextDigestAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC."
            : $"Digest of {Name(d)} off: alerts are posted as they come."), ct);

    public Task<IActionResult> OnPostResumeAsync(long id, CancellationToken ct) => ChangeAsync(id, d =>
        Task.FromResult(settings.Resume(d, Actor)
            ? $"Resumed {Name(d)}: its held alerts go out with the next sweep. If the cause is not fixed, it pauses again."
            : $"{Name(d)} is not paused."), ct);

    private AuditActor Actor => AuditActor.Web(User);

    /// <summary>Loads the destination, applies the change, saves it with its audit entry; a refused change saves nothing.</summary>
    private async Task<IActionResult> ChangeAsync(long id, Func<Destination, Task<string>> change, CancellationToken ct)
    {
        var destination = await db.Destinations.Include(d => d.Subscriptions).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (destination is null)
        {
            TempData["Error"] = $"There is no destination {id}.";
            return RedirectToPage();
        }

        try
        {
            var said = await change(destination);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = said;
        }
        catch (UsageException e)
        {
            TempData["Error"] = e.Message.Replace("`", "", StringComparison.Ordinal);
        }

        return RedirectToPage(null, null, null, $"destination-{id}");
    }

    private static string Name(Destination d) => DeliveriesQuery.Describe(d.Kind, d.Address, d.Name);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
