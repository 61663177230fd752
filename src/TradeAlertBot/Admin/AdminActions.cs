using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Admin;

/// <summary>
/// The admin page's POST handlers. Each does what the matching chat command does (through the helpers the command
/// handlers use: <see cref="FeedRegistry"/>, <see cref="DeliveryReplay"/>)
/// and redirects back to the page with a status line (post/redirect/get); a refused form is shown again with its error.
/// </summary>
public static class AdminActions
{
    public static async Task<IResult> AddFeedAsync(HttpContext http, FeedRegistry feeds, CancellationToken ct)
    {
        var url = (await http.Request.ReadFormAsync(ct))["url"].ToString().Trim();
        try
        {
            return Done(Plain(await feeds.AddAndSaveAsync(url, AuditActor.Web(http.User), ct)), "feeds");
        }
        catch (UsageException e)
        {
            return await AdminEndpoints.RenderAsync(http, new AdminView { FeedError = (url, Plain(e.Message)) }, StatusCodes.Status422UnprocessableEntity, ct);
        }
    }

    public static async Task<IResult> DisableFeedAsync(long id, ClaimsPrincipal user, TradeAlertDbContext db, FeedRegistry feeds, CancellationToken ct)
    {
        var feed = await db.Feeds.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null)
        {
            return Refused($"There is no feed {id}.", "feeds");
        }

        feeds.Disable(feed, AuditActor.Web(user));
        await db.SaveChangesAsync(ct);
        return Done($"Stopped polling feed {feed.Id} ({feed.Title ?? feed.Url}); its past items stay searchable.", "feeds");
    }

    public static async Task<IResult> ResumeAsync(long id, ClaimsPrincipal user, TradeAlertDbContext db, AuditLog audit, CancellationToken ct)
    {
        var destination = await db.Destinations.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (destination is not { Paused: true })
        {
            return Refused(destination is null ? $"There is no destination {id}." : $"Destination {id} is not paused.", "destinations");
        }

        audit.StageResume(AuditActor.Web(user), destination);
        destination.Resume();
        await db.SaveChangesAsync(ct);
        return Done($"Resumed destination {id}: its held alerts go out with the next sweep. If the cause is not fixed, it pauses again.", "destinations");
    }

    public static async Task<IResult> ReplayAsync(long id, ClaimsPrincipal user, DeliveryReplay replay, CancellationToken ct)
    {
        try
        {
            return Done(await replay.ReplayAsync(id, AuditActor.Web(user), ct), "deliveries");
        }
        catch (UsageException e)
        {
            return Refused(Plain(e.Message), "deliveries");
        }
    }

    private static IResult Done(string message, string section) =>
        Results.Redirect($"/admin?msg={Uri.EscapeDataString(message)}#{section}");

    private static IResult Refused(string message, string section) =>
        Results.Redirect($"/admin?err={Uri.EscapeDataString(message)}#{section}");

    // The shared messages mark names as code with backticks (see UsageException); the page shows them as plain text.
    private static string Plain(string message) => message.Replace("`", "", StringComparison.Ordinal);
}
