using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TradeAlertBot.Admin.Rules;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Pages.Admin.Rules;

/// <summary>
/// One rule's editor (a name not in use: a new rule). Saving, removing and reverting go through
/// <see cref="RuleRegistration"/>, as chat's <c>rule add/edit/remove/revert … --reason</c> do, audited as the web
/// session; here a reason is required. The backtest runs the typed query through <see cref="Backtester"/> (limited per
/// person by <see cref="QueryLimiter"/>, as chat's scans are) and saves nothing.
/// </summary>
public sealed class EditModel(
    TradeAlertDbContext db, RuleRegistration rules, Backtester backtester, QueryLimiter limiter, TimeProvider time, IOptions<QueryOptions> options)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    [BindProperty]
    public string Query { get; set; } = "";

    [BindProperty]
    public string? Reason { get; set; }

    public RuleEditorData Data { get; private set; } = null!;

    public RuleBacktestView? Backtest { get; private set; }

    public RuleSyntaxException? SyntaxError { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? diff, CancellationToken ct)
    {
        Data = await RuleEditorData.LoadAsync(db, Name, diff, ct);
        if (Data.Rule is null && Data.Versions.Count == 0 && !IsRuleName(Name))
        {
            return NotFound();
        }

        Query = Data.Rule?.Query ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostBacktestAsync(CancellationToken ct)
    {
        // The same per-person limit as chat's scans: a backtest reads up to 30 days of stored items.
        if (!limiter.TryStart(new CommandContext("web", "web", "admin", AuditActor.Web(User).Id), out var wait))
        {
            Error = $"Slow down, try again in {PartialScan.Seconds(wait)} s: backtests are limited per person, like search and rule test in chat.";
            return await ShowAsync(StatusCodes.Status429TooManyRequests, ct);
        }

        try
        {
            var result = await backtester.RunAsync(db, Query, options.Value.QueryBudget, ct);
            Backtest = RuleBacktestView.From(result, time.GetUtcNow());
            return await ShowAsync(StatusCodes.Status200OK, ct);
        }
        catch (RuleSyntaxException e)
        {
            SyntaxError = e;
            return await ShowAsync(StatusCodes.Status422UnprocessableEntity, ct);
        }
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => ChangeAsync(async (actor, reason) =>
    {
        var exists = (await RuleEditorData.LoadAsync(db, Name, null, ct)).Rule is not null;
        Query = Query.Trim(); // the form shown again after an error has the text its line and column count in
        var version = exists
            ? await rules.EditAsync(Name, Query, actor, reason, ct)
            : await rules.AddAsync(Name, Query, actor, reason, ct);
        return $"Saved rule {Name} as version {version}; it applies to items from the next poll on.";
    }, ct);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) => ChangeAsync(async (actor, reason) =>
    {
        var subscriptions = await rules.RemoveAsync(Name, actor, reason, ct);
        return $"Removed rule {Name}" + (subscriptions > 0 ? $" and {subscriptions} subscription(s) to it." : ".");
    }, ct, "/admin/rules");

    public Task<IActionResult> OnPostRevertAsync(int version, CancellationToken ct) => ChangeAsync(async (actor, reason) =>
    {
        var now = await rules.RevertAsync(Name, version, actor, reason, ct);
        return $"Reverted rule {Name} to the text of version {version}, stored as version {now}.";
    }, ct);

    // Post/redirect/get on success; a refused change shows the form again with what was typed and why.
    private async Task<IActionResult> ChangeAsync(Func<AuditActor, string, Task<string>> change, CancellationToken ct, string? then = null)
    {
        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > RuleArguments.MaxReasonLength)
        {
            Error = $"Say why in a few words (up to {RuleArguments.MaxReasonLength} characters): the rule's history keeps the reason.";
            return await ShowAsync(StatusCodes.Status422UnprocessableEntity, ct);
        }

        try
        {
            TempData["Message"] = await change(AuditActor.Web(User), reason);
            return Redirect(then ?? "/admin/rules/" + Name);
        }
        catch (RuleSyntaxException e)
        {
            SyntaxError = e;
        }
        catch (UsageException e)
        {
            Error = e.Message.Replace("`", "", StringComparison.Ordinal);
        }

        return await ShowAsync(StatusCodes.Status422UnprocessableEntity, ct);
    }

    private static bool IsRuleName(string name)
    {
        try
        {
            RuleArguments.RequireName(name);
            return true;
        }
        catch (UsageException)
        {
            return false;
        }
    }

    private async Task<IActionResult> ShowAsync(int status, CancellationToken ct)
    {
        Response.StatusCode = status;
        Data = await RuleEditorData.LoadAsync(db, Name, null, ct);
        return Page();
    }
}
