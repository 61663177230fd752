using System.Security.Claims;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Admin;

/// <summary>
/// The old admin page's rule POST handlers, until the console's rule pages replace them. Each does what the matching
/// chat command does (through <see cref="RuleRegistration"/>) and redirects back with a status line.
/// </summary>
public static class AdminActions
{
    public static async Task<IResult> AddRuleAsync(HttpContext http, RuleRegistration rules, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var name = form["name"].ToString().Trim().ToLowerInvariant();
        var query = form["query"].ToString().Trim();
        try
        {
            await rules.AddAsync(name, query, AuditActor.Web(http.User), Reason(form), ct);
            return Done($"Added rule {name}; it applies to items from the next poll on.", "rules");
        }
        catch (Exception e) when (e is UsageException or RuleSyntaxException)
        {
            return Refused(Plain(e.Message), "rules");
        }
    }

    public static async Task<IResult> EditRuleAsync(string name, HttpContext http, RuleRegistration rules, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var query = form["query"].ToString().Trim();
        try
        {
            await rules.EditAsync(name, query, AuditActor.Web(http.User), Reason(form), ct);
            return Done($"Changed rule {name}; the new query applies from the next poll on.", "rules");
        }
        catch (RuleSyntaxException e)
        {
            return Refused(e.Message, "rules");
        }
        catch (UsageException e)
        {
            return Refused(Plain(e.Message), "rules"); // no such rule, or no change: there is no row to show the error in
        }
    }

    public static async Task<IResult> RemoveRuleAsync(string name, ClaimsPrincipal user, RuleRegistration rules, CancellationToken ct)
    {
        try
        {
            var subscriptions = await rules.RemoveAsync(name, AuditActor.Web(user), null, ct);
            return Done($"Removed rule {name}" + (subscriptions > 0 ? $" and {subscriptions} subscription(s) to it." : "."), "rules");
        }
        catch (UsageException e)
        {
            return Refused(Plain(e.Message), "rules");
        }
    }

    // Optional for now; the rule's history keeps it (the console to come asks for it).
    private static string? Reason(IFormCollection form) => form["reason"].ToString().Trim() is { Length: > 0 } reason ? reason : null;

    private static IResult Done(string message, string section) =>
        Results.Redirect($"/admin?msg={Uri.EscapeDataString(message)}#{section}");

    private static IResult Refused(string message, string section) =>
        Results.Redirect($"/admin?err={Uri.EscapeDataString(message)}#{section}");

    // The shared messages mark names as code with backticks (see UsageException); the page shows them as plain text.
    private static string Plain(string message) => message.Replace("`", "", StringComparison.Ordinal);
}
