using Microsoft.Extensions.FileProviders;

namespace TradeAlertBot.Web;

/// <summary>
/// The pages' style sheets and scripts (wwwroot, copied beside the assembly): files, so the Content-Security-Policy
/// can forbid inline script and style, and served from the app itself, never a CDN.
/// </summary>
public static class ConsoleAssets
{
    public static IApplicationBuilder UseConsoleAssets(this IApplicationBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(root),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=300",
        });
    }
}
