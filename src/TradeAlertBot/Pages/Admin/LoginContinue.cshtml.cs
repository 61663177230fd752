using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TradeAlertBot.Pages.Admin;

/// <summary>The step after an OpenID Connect sign-in: a same-site page that moves on to the console (see the view for why).</summary>
public sealed class LoginContinueModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    public string Target => ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/admin", StringComparison.Ordinal) ? url : "/admin";

    public void OnGet() => Response.Headers.CacheControl = "no-store";
}
