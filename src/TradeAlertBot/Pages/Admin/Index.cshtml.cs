using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TradeAlertBot.Pages.Admin;

/// <summary>The console's first page: what the bot is doing at a glance.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet() => Response.Headers.CacheControl = "no-store";
}
