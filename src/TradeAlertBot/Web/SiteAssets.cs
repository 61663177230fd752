namespace TradeAlertBot.Web;

/// <summary>
/// The pages' style sheets and the alert page's live script, served from /assets so the Content-Security-Policy
/// can forbid inline script and style (an injected &lt;script&gt; in feed text would then not run even if escaping failed).
/// </summary>
public static class SiteAssets
{
    public const string AlertsCss = "/assets/alerts.css";
    public const string AdminCss = "/assets/admin.css";
    public const string AlertsJs = "/assets/alerts.js";

    private const string Base = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#1d1d1f}
        h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
        .meta{color:#888;font-size:.8rem}

        """;

    private const string Alerts = Base + """
        body{max-width:70rem}
        .alert{border-left:4px solid #c0392b;padding:.4rem .8rem;margin:.6rem 0;background:#fafafa}
        .why{color:#555;font-size:.9rem}.facts{font-size:.9rem}.watch{font-weight:600;color:#1a5fb4}
        .new{animation:flash 2s}@keyframes flash{from{background:#fff3b0}to{background:#fafafa}}

        """;

    private const string Admin = Base + """
        body{max-width:80rem}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
        form.inline{display:inline}textarea{width:100%;font-family:monospace}
        .msg{padding:.5rem .8rem;background:#eef7ee;border-left:4px solid #2e7d32}
        .error{padding:.5rem .8rem;background:#fdecea;border-left:4px solid #c0392b}

        """;

    // Builds the live alerts with DOM calls and textContent, so no feed text is ever parsed as HTML.
    private const string Live = """
        'use strict';
        (() => {
          const live = document.getElementById('live');
          const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
          new EventSource('/events').addEventListener('alert', e => {
            const a = JSON.parse(e.data);
            const d = el('div', 'alert new');
            const b = el('b');
            if (a.link && /^https?:/i.test(a.link)) { const l = el('a', null, a.title); l.href = a.link; b.append(l); } else { b.textContent = a.title ?? ''; }
            d.append(b,
              el('div', 'why', 'why: ' + a.reasons.map(r => r.rule + ' ← ' + r.terms.join(', ')).join('; ')),
              el('div', 'facts', a.facts.map(f => f.label + ': ' + f.value).join(' · ')),
              el('div', 'meta', `${a.source} · reported by ${a.outletCount} outlet(s)`));
            if (a.watchLine) d.prepend(el('div', 'watch', 'Your watch list: ' + a.watchLine));
            live.prepend(d);
          });
        })();

        """;

    public static IEndpointRouteBuilder MapSiteAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet(AlertsCss, (HttpContext http) => Serve(http, Alerts, "text/css; charset=utf-8"));
        app.MapGet(AdminCss, (HttpContext http) => Serve(http, Admin, "text/css; charset=utf-8"));
        app.MapGet(AlertsJs, (HttpContext http) => Serve(http, Live, "text/javascript; charset=utf-8"));
        return app;
    }

    private static IResult Serve(HttpContext http, string content, string type)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Text(content, type);
    }
}
