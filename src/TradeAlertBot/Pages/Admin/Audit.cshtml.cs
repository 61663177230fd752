using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Admin;
using TradeAlertBot.Audit;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Pages.Admin;

/// <summary>
/// The audit log: every admin action from chat, the command line and the web, newest first; filters as the CLI's
/// <c>audit</c> takes them, paging, and the same CSV as <c>audit --csv</c> (<see cref="AuditCsv"/>).
/// </summary>
public sealed class AuditModel(TradeAlertDbContext db, TimeProvider time, IOptions<AdminOptions> options) : PageModel
{
    public const int PageSize = 50;

    public AuditFilter Filter { get; private set; } = new(null, null, null);

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int RetentionDays => (int)options.Value.AuditRetention.TotalDays;

    public async Task OnGetAsync(string? since, string? actor, string? action, int p, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Filter = AuditFilter.Read(since, actor, action, time.GetUtcNow());
        var query = db.AuditLog.AsNoTracking().Matching(Filter.From, Filter.Actor, Filter.Wanted);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(p, 1, Pages);
        Entries = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>Every matching entry as CSV, streamed: the file <c>audit --csv</c> would print for the same filters.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? since, string? actor, string? action, CancellationToken ct)
    {
        var filter = AuditFilter.Read(since, actor, action, time.GetUtcNow());
        Response.Headers.CacheControl = "no-store";
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"tradealertbot-audit-{time.GetUtcNow():yyyyMMdd-HHmm}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync(AuditCsv.Header.AsMemory(), ct);
        await foreach (var entry in db.AuditLog.AsNoTracking().Matching(filter.From, filter.Actor, filter.Wanted).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteLineAsync(AuditCsv.Row(entry).AsMemory(), ct);
        }

        return new EmptyResult();
    }

    /// <summary>The link to another page of the same filters.</summary>
    public string PageLink(int page) => Url.Page("/Admin/Audit", new { since = Filter.Since, actor = Filter.Actor, action = Filter.Action, p = page })!;

    public string CsvLink => Url.Page("/Admin/Audit", "Csv", new { since = Filter.Since, actor = Filter.Actor, action = Filter.Action })!;
}
