using System.Net;
using System.Text;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Endpoints;

/// <summary>Server-rendered HTML of recent alerts grouped by category; a script (/assets/alerts.js) adds live ones from /events.</summary>
public static class AlertPage
{
    public static string Render(IReadOnlyList<Alert> alerts)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>TradeAlertBot</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="stylesheet" href="/assets/alerts.css"></head><body><h1>TradeAlertBot — recent alerts</h1>
            <p class="meta">Live: new alerts appear at the top of <b>Live</b> without reloading.</p>
            <h2>Live</h2><div id="live"></div>
            """);

        var byCategory = alerts
            .SelectMany(a => a.Reasons.Select(r => (Category: r.Rule, Alert: a)))
            .GroupBy(x => x.Category)
            .OrderBy(g => g.Key);
        foreach (var group in byCategory)
        {
            html.Append($"<h2 id=\"{Encode(group.Key)}\">{Encode(group.Key)} ({group.Count()})</h2>");
            foreach (var (_, alert) in group)
            {
                AppendAlert(html, alert);
            }
        }

        if (alerts.Count == 0)
        {
            html.Append("<p>No alerts yet: feeds are being polled.</p>");
        }

        html.Append("""<script src="/assets/alerts.js" defer></script></body></html>""");
        return html.ToString();
    }

    private static void AppendAlert(StringBuilder html, Alert alert)
    {
        html.Append("<div class=\"alert\"><b>");
        html.Append(alert.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? $"<a href=\"{Encode(link)}\">{Encode(alert.Title)}</a>"
            : Encode(alert.Title));
        html.Append("</b><div class=\"why\">why: ");
        html.Append(string.Join("; ", alert.Reasons.Select(r => $"{Encode(r.Rule)} ← {string.Join(", ", r.Terms.Select(Encode))}")));
        html.Append("</div><div class=\"facts\">");
        html.Append(string.Join(" · ", alert.Facts.Select(f => $"{Encode(f.Label)}: {Encode(f.Value)}")));
        html.Append($"</div><div class=\"meta\">{Encode(alert.Source)}");
        if (alert.Published is { } published)
        {
            html.Append($" · {published:yyyy-MM-dd HH:mm} UTC");
        }

        html.Append($" · reported by {alert.OutletCount} outlet(s)</div></div>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
