using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace TradeAlertBot.Admin;

/// <summary>The admin pages' shared HTML: the document frame, escaping, and POST forms that carry the antiforgery token.</summary>
public static class AdminHtml
{
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string When(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "—";

    public static void Open(StringBuilder html, string title)
    {
        html.Append($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{Encode(title)}}</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem;color:#1d1d1f}
            h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;width:100%;font-size:.9rem}
            th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
            form.inline{display:inline}textarea{width:100%;font-family:monospace}
            .msg{padding:.5rem .8rem;background:#eef7ee;border-left:4px solid #2e7d32}
            .error{padding:.5rem .8rem;background:#fdecea;border-left:4px solid #c0392b}
            .meta{color:#888;font-size:.8rem}
            </style></head><body>
            """);
    }

    public static void Close(StringBuilder html) => html.Append("</body></html>");

    /// <summary>Opens a POST form with the antiforgery field; the caller adds inputs and closes it with <c>&lt;/form&gt;</c>.</summary>
    public static void Form(StringBuilder html, string action, AntiforgeryTokenSet tokens, bool inline = false)
    {
        html.Append($"<form method=\"post\" action=\"{Encode(action)}\"{(inline ? " class=\"inline\"" : "")}>");
        html.Append($"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken)}\">");
    }

    /// <summary>A one-button POST form.</summary>
    public static void Button(StringBuilder html, string action, string label, AntiforgeryTokenSet tokens)
    {
        Form(html, action, tokens, inline: true);
        html.Append($"<button type=\"submit\">{Encode(label)}</button></form>");
    }

    public static void Notice(StringBuilder html, string? text, bool error)
    {
        if (!string.IsNullOrEmpty(text))
        {
            html.Append($"<p class=\"{(error ? "error" : "msg")}\" role=\"status\">{Encode(text)}</p>");
        }
    }

    public static string Login(AntiforgeryTokenSet tokens, string? error)
    {
        var html = new StringBuilder();
        Open(html, "TradeAlertBot admin — sign in");
        html.Append("<h1>TradeAlertBot admin — sign in</h1>");
        Notice(html, error, error: true);
        Form(html, "/admin/login", tokens);
        html.Append("""
            <label>Admin token <input type="password" name="token" autocomplete="current-password" required autofocus></label>
            <button type="submit">Sign in</button></form>
            <p class="meta">The token is the <code>Admin:Token</code> setting.</p>
            """);
        Close(html);
        return html.ToString();
    }
}
