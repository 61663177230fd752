using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Pages.Admin;

/// <summary>
/// The feeds page: health and items per day of every feed; add (through <see cref="FeedRegistry"/>, the guard chat's
/// <c>feed add</c> uses), disable, enable, OPML import and export.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 2 * FeedsImport.MaxBytes)]
[RequestSizeLimit(2 * FeedsImport.MaxBytes)]
public sealed class FeedsModel(TradeAlertDbContext db, FeedRegistry registry, TimeProvider time) : PageModel
{
    public IReadOnlyList<FeedsRow> Feeds { get; private set; } = [];

    public int Days { get; private set; } = 14;

    public string? AddUrl { get; private set; }

    public string? AddError { get; private set; }

    public FeedsImport.Report? Imported { get; private set; }

    public async Task OnGetAsync(int days, CancellationToken ct) => await LoadAsync(days, ct);

    public async Task<IActionResult> OnPostAddAsync(string? url, CancellationToken ct)
    {
        try
        {
            TempData["Message"] = Plain(await registry.AddAndSaveAsync((url ?? "").Trim(), AuditActor.Web(User), ct));
            return RedirectToPage();
        }
        catch (UsageException e)
        {
            (AddUrl, AddError) = (url, Plain(e.Message));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(0, ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDisableAsync(long id, CancellationToken ct)
    {
        var feed = await db.Feeds.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feed is not { Enabled: true })
        {
            TempData["Error"] = feed is null ? $"There is no feed {id}." : $"Feed {id} is disabled already.";
            return RedirectToPage();
        }

        registry.Disable(feed, AuditActor.Web(User));
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Stopped polling feed {feed.Id} ({feed.Title ?? Core.Text.ShownUrl.Redacted(feed.Url)}); its past items stay searchable.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(long id, CancellationToken ct)
    {
        var feed = await db.Feeds.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feed is not { Enabled: false })
        {
            TempData["Error"] = feed is null ? $"There is no feed {id}." : $"Feed {id} is polled already.";
            return RedirectToPage();
        }

        try
        {
            await registry.EnableAsync(feed, AuditActor.Web(User), ct);
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"Feed {feed.Id} is polled again from now.";
        }
        catch (UsageException e)
        {
            TempData["Error"] = Plain(e.Message);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? opml, CancellationToken ct)
    {
        var import = new FeedsImport(db, registry);
        try
        {
            Imported = await import.RunAsync(opml, AuditActor.Web(User), ct);
        }
        catch (UsageException e)
        {
            TempData["Error"] = Plain(e.Message);
            return RedirectToPage();
        }

        await LoadAsync(0, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(await FeedsImport.ExportAsync(db, time.GetUtcNow(), ct), "text/x-opml; charset=utf-8", "tradealertbot-feeds.opml");

    private async Task LoadAsync(int days, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Days = days == 30 ? 30 : 14;
        Feeds = await FeedsQuery.LoadAsync(db, Days, time.GetUtcNow(), ct);
    }

    // The shared messages mark names as code with backticks (for chat); the page shows plain text.
    private static string Plain(string message) => message.Replace("`", "", StringComparison.Ordinal);
}
