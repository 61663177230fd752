using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;
using TradeAlertBot.Web;
using TradeAlertBot.Web.Public;

namespace TradeAlertBot.Endpoints;

/// <summary>
/// The public page's data: recent alerts as JSON (<c>/api/alerts</c>) and live (<c>/events</c>, which the page's
/// script follows). The page itself (<c>/</c>) is the Razor page Pages/Index.
/// </summary>
public static class AlertPageEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddAlertPage(this IServiceCollection services) => services.AddScoped<PublicStories>();

    public static IEndpointRouteBuilder MapAlertPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", async (TradeAlertDbContext db, CancellationToken ct) =>
            Results.Json(await RecentAsync(db, ct), Json));

        app.MapGet("/events", async (HttpContext http, AlertStream stream, EventStreamGate gate, CancellationToken ct) =>
        {
            using var slot = gate.TryEnter();
            if (slot is null)
            {
                // Each stream holds a connection and a subscriber queue until the client leaves.
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = "30";
                await http.Response.WriteAsync("events: too many open streams; try again later.", ct);
                return;
            }

            http.Response.Headers.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            // Subscribed before the client hears "connected" (the first MoveNext registers the listener), so an
            // alert published once the browser's EventSource is open is never lost.
            await using var alerts = stream.SubscribeAsync(ct).GetAsyncEnumerator(ct);
            var next = alerts.MoveNextAsync();
            await http.Response.WriteAsync(": connected\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            while (await next)
            {
                await http.Response.WriteAsync($"event: alert\ndata: {JsonSerializer.Serialize(alerts.Current, Json)}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
                next = alerts.MoveNextAsync();
            }
        });
        return app;
    }

    private static async Task<List<Core.Alerts.Alert>> RecentAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var stories = await db.Stories.AsNoTracking()
            .Categorized()
            .OrderByDescending(s => s.FirstSeenAt)
            .Take(200)
            .ToListAsync(ct);
        return [.. stories.Select(AlertFactory.From)];
    }
}
