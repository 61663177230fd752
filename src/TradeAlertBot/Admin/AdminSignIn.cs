using Microsoft.AspNetCore.Authentication;
using TradeAlertBot.Audit;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Admin;

/// <summary>Sign-out of an admin session (sign-in is the console's Login page).</summary>
public static class AdminSignIn
{
    /// <summary>Ends the session server-side too: a copy of the cookie kept elsewhere stops working at once.</summary>
    public static async Task<IResult> SignOutAsync(HttpContext http)
    {
        var signedIn = await http.AuthenticateAsync(AdminEndpoints.Scheme);
        if (signedIn.Succeeded)
        {
            await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(
                AuditActor.Web(signedIn.Principal), AuditAction.SignOut, "admin page", null, null, http.RequestAborted);
            await http.RequestServices.GetRequiredService<AdminSessions>().SignOutAsync(
                http.RequestServices.GetRequiredService<TradeAlertDbContext>(), signedIn.Principal, signedIn.Properties?.ExpiresUtc, http.RequestAborted);
        }

        await http.SignOutAsync(AdminEndpoints.Scheme);
        return Results.Redirect("/admin/login");
    }
}
