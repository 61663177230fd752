using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;
using TradeAlertBot.Web;

namespace TradeAlertBot.Endpoints;

/// <summary>The local page: recent alerts per category (<c>/</c>), as JSON (<c>/api/alerts</c>) and live (<c>/events</c>).</summary>
public static class AlertPageEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapAlertPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (TradeAlertDbContext db, CancellationToken ct) =>
            Results.Content(AlertPage.Render(await RecentAsync(db, ct)), "text/html; charset=utf-8"));

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
            await http.Response.WriteAsync(": connected\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            await foreach (var alert in stream.SubscribeAsync(ct))
            {
                await http.Response.WriteAsync($"event: alert\ndata: {JsonSerializer.Serialize(alert, Json)}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
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
