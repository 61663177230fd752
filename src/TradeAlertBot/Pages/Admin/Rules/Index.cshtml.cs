using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TradeAlertBot.Admin.Rules;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Pages.Admin.Rules;

/// <summary>
/// The rules list (categories flagged, stories matched in 7 and 30 days), the way to a new rule's editor, and the
/// JSON syntax check the editor's script calls as the admin types (a POST, so it carries the antiforgery token).
/// </summary>
public sealed class IndexModel(TradeAlertDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<RuleRow> Rows { get; private set; } = [];

    public bool Capped { get; private set; }

    public string? NameError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? open, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (open is not null)
        {
            var name = open.Trim().ToLowerInvariant();
            try
            {
                RuleArguments.RequireName(name);
                return Redirect("/admin/rules/" + name);
            }
            catch (UsageException e)
            {
                NameError = e.Message.Replace("`", "", StringComparison.Ordinal);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }
        }

        (Rows, Capped) = await RuleRow.LoadAsync(db, time.GetUtcNow(), ct);
        return Page();
    }

    /// <summary>
    /// {ok:true}, or {ok:false, error:{message, line, column}} with 1-based line and column of the offending token.
    /// The parser refuses a text past <see cref="Rule.MaxLength"/> before reading it, so a check costs little.
    /// </summary>
    public JsonResult OnPostCheck(string? query)
    {
        Response.Headers.CacheControl = "no-store";
        try
        {
            Rule.Parse("check", query ?? "");
            return new JsonResult(new RuleCheck(true, null));
        }
        catch (RuleSyntaxException e)
        {
            return new JsonResult(new RuleCheck(false, new RuleCheck.Problem(e.Reason, e.Line, e.Column)));
        }
    }
}
