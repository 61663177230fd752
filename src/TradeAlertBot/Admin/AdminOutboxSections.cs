using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using TradeAlertBot.Core.Text;
using static TradeAlertBot.Admin.AdminHtml;

namespace TradeAlertBot.Admin;

/// <summary>The admin page's delivery side: destinations with their state, and the newest dead or failed deliveries.</summary>
public static class AdminOutboxSections
{
    public static void Render(StringBuilder html, AdminSnapshot data, AntiforgeryTokenSet tokens)
    {
        Destinations(html, data, tokens);
        Deliveries(html, data, tokens);
    }

    private static void Destinations(StringBuilder html, AdminSnapshot data, AntiforgeryTokenSet tokens)
    {
        html.Append($"<h2 id=\"destinations\">Destinations ({data.Destinations.Count})</h2>");
        html.Append("<table><tr><th>id</th><th>kind</th><th>address</th><th>state</th><th></th></tr>");
        foreach (var destination in data.Destinations)
        {
            var state = new List<string>();
            if (destination.Paused)
            {
                state.Add("paused: " + (destination.PausedReason ?? "no reason recorded"));
            }

            if (destination.MutedUntil is { } muted)
            {
                state.Add("muted until " + When(muted));
            }

            if (destination.Digest is { } digest)
            {
                state.Add("digest " + digest);
            }

            if (destination.QuietHours is { } quiet)
            {
                state.Add($"quiet {quiet} {destination.TimeZone ?? "UTC"}");
            }

            var name = destination.Name is null ? "" : $" <span class=\"meta\">{Encode(destination.Name)}</span>";
            html.Append($"<tr><td>{destination.Id}</td><td>{Encode(destination.Kind)}</td><td>{Encode(ShownUrl.Origin(destination.Address))}{name}</td>");
            html.Append($"<td>{Encode(state.Count == 0 ? "ok" : string.Join("; ", state))}</td><td>");
            if (destination.Paused)
            {
                Button(html, $"/admin/destinations/{destination.Id}/resume", "Resume", tokens);
            }

            html.Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Deliveries(StringBuilder html, AdminSnapshot data, AntiforgeryTokenSet tokens)
    {
        html.Append("<h2 id=\"deliveries\">Dead and failed deliveries</h2>");
        if (data.Deliveries.Count == 0)
        {
            html.Append("<p>None.</p>");
            return;
        }

        html.Append("<table><tr><th>id</th><th>state</th><th>story</th><th>destination</th><th>attempts</th><th>last error</th><th></th></tr>");
        foreach (var row in data.Deliveries)
        {
            html.Append($"<tr><td>{row.Id}</td><td>{Encode(row.State.ToString().ToLowerInvariant())}</td><td>{Encode(row.StoryTitle)}</td>");
            html.Append($"<td>{Encode(row.DestinationKind)}:{Encode(ShownUrl.Origin(row.DestinationAddress))}</td><td>{row.Attempts}</td>");
            html.Append($"<td>{Encode(row.LastError ?? "")}</td><td>");
            Button(html, $"/admin/deliveries/{row.Id}/replay", "Replay", tokens);
            html.Append("</td></tr>");
        }

        html.Append("</table><p class=\"meta\">A replayed delivery goes out with the next sweep; a sent one is never posted twice.</p>");
    }
}
