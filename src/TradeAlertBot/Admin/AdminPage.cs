using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using TradeAlertBot.Commands.Shared;
using static TradeAlertBot.Admin.AdminHtml;

namespace TradeAlertBot.Admin;

/// <summary>
/// The admin page (<c>GET /admin</c>), server-rendered like the alert page: feeds, rules (with a backtest),
/// destinations and failed deliveries, each change a POST form that redirects back here.
/// </summary>
public static class AdminPage
{
    public static string Render(AdminSnapshot data, AdminView view, AntiforgeryTokenSet tokens)
    {
        var html = new StringBuilder();
        Open(html, "TradeAlertBot admin");
        html.Append("<h1>TradeAlertBot admin</h1><p>");
        html.Append("<a href=\"#feeds\">Feeds</a> · <a href=\"#rules\">Rules</a> · <a href=\"#destinations\">Destinations</a> · <a href=\"#deliveries\">Deliveries</a> · <a href=\"/admin/jobs\">Jobs</a> ");
        Button(html, "/admin/logout", "Sign out", tokens);
        html.Append("</p>");
        Notice(html, view.Message, view.MessageIsError);
        Feeds(html, data, view, tokens);
        Rules(html, data, view, tokens);
        RuleTest(html, view);
        AdminOutboxSections.Render(html, data, tokens);
        Close(html);
        return html.ToString();
    }

    private static void Feeds(StringBuilder html, AdminSnapshot data, AdminView view, AntiforgeryTokenSet tokens)
    {
        html.Append($"<h2 id=\"feeds\">Feeds ({data.Feeds.Count})</h2>");
        html.Append("<table><tr><th>id</th><th>feed</th><th>status</th><th>errors in a row</th><th>last error</th><th>next poll</th><th></th></tr>");
        foreach (var feed in data.Feeds)
        {
            var status = feed.Enabled ? feed.LastStatus ?? "not polled yet" : "disabled: " + feed.DisabledReason;
            html.Append($"<tr><td>{feed.Id}</td><td>{Encode(feed.Title ?? "")}<br><span class=\"meta\">{Encode(feed.Url)}</span></td>");
            html.Append($"<td>{Encode(status)}</td><td>{feed.ConsecutiveErrors}</td><td>{Encode(feed.LastError ?? "")}</td>");
            html.Append($"<td>{(feed.Enabled ? When(feed.NextPollAt) : "—")}</td><td>");
            if (feed.Enabled)
            {
                Button(html, $"/admin/feeds/{feed.Id}/disable", "Disable", tokens);
            }

            html.Append("</td></tr>");
        }

        html.Append("</table><h3>Add a feed</h3>");
        if (view.FeedError is { } error)
        {
            Notice(html, error.Error, error: true);
        }

        Form(html, "/admin/feeds", tokens);
        html.Append($"<label>URL <input type=\"url\" name=\"url\" size=\"60\" required value=\"{Encode(view.FeedError?.Url)}\"></label> ");
        html.Append("<button type=\"submit\">Add feed</button></form>");
    }

    private static void Rules(StringBuilder html, AdminSnapshot data, AdminView view, AntiforgeryTokenSet tokens)
    {
        html.Append($"<h2 id=\"rules\">Rules ({data.Rules.Count})</h2>");
        html.Append("<table><tr><th>name</th><th>query</th><th>category</th><th></th></tr>");
        foreach (var rule in data.Rules)
        {
            var refused = view.RuleError is { } e && e.Form == rule.Name ? e : default((string Form, string Name, string Query, string Error)?);
            html.Append($"<tr id=\"rule-{Encode(rule.Name)}\"><td>{Encode(rule.Name)}</td><td>");
            if (refused is { } r)
            {
                Notice(html, r.Error, error: true);
            }

            Form(html, $"/admin/rules/{Uri.EscapeDataString(rule.Name)}/edit", tokens);
            html.Append($"<textarea name=\"query\" rows=\"2\" aria-label=\"query of {Encode(rule.Name)}\">{Encode(refused?.Query ?? rule.Query)}</textarea>");
            html.Append("<button type=\"submit\">Save</button></form></td>");
            html.Append($"<td>{(rule.IsCategory ? "yes" : "no")}</td><td>");
            Button(html, $"/admin/rules/{Uri.EscapeDataString(rule.Name)}/remove", "Remove", tokens);
            html.Append("</td></tr>");
        }

        html.Append("</table><h3>Add a watch rule</h3>");
        var added = view.RuleError is { Form: "add" } add ? add : default((string Form, string Name, string Query, string Error)?);
        if (added is { } a)
        {
            Notice(html, a.Error, error: true);
        }

        Form(html, "/admin/rules", tokens);
        html.Append($"<label>Name <input name=\"name\" required pattern=\"[a-z0-9][a-z0-9\\-]{{0,63}}\" value=\"{Encode(added?.Name)}\"></label>");
        html.Append($"<label>Query <textarea name=\"query\" rows=\"2\" required>{Encode(added?.Query)}</textarea></label>");
        html.Append("<button type=\"submit\">Add rule</button></form>");
    }

    private static void RuleTest(StringBuilder html, AdminView view)
    {
        html.Append("<h3 id=\"test\">Test a query</h3><p class=\"meta\">Runs it over the items stored in the last 30 days; nothing is saved.</p>");
        html.Append("<form method=\"get\" action=\"/admin#test\">");
        html.Append($"<textarea name=\"test\" rows=\"2\" required aria-label=\"query to test\">{Encode(view.TestQuery)}</textarea>");
        html.Append("<button type=\"submit\">Test</button></form>");
        Notice(html, view.TestError, error: true);
        if (view.TestResult is not { } result)
        {
            return;
        }

        html.Append($"<p>Would have matched <b>{result.Matched7Days}</b> item(s) in the last 7 days and <b>{result.Matched30Days}</b> in the last 30 ");
        html.Append($"(of {result.Scanned.ToString("N0", CultureInfo.InvariantCulture)} scanned in {result.Elapsed.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture)} ms).</p>");
        if (result.OutOf is { } total)
        {
            Notice(html, $"The test ran out of time: {PartialScan.Note(result.Scanned, total, result.Elapsed)}.", error: true);
        }

        if (result.Newest.Count > 0)
        {
            html.Append("<ul>");
            foreach (var example in result.Newest)
            {
                var title = example.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                    ? $"<a href=\"{Encode(url.AbsoluteUri)}\" rel=\"noreferrer\">{Encode(example.Title)}</a>"
                    : Encode(example.Title);
                html.Append($"<li>{title} <span class=\"meta\">{When(example.Published ?? example.FetchedAt)} — matched: {Encode(string.Join(", ", example.Terms.Take(8)))}</span></li>");
            }

            html.Append("</ul>");
        }
    }
}
