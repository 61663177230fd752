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
            <link rel="stylesheet" href="/assets/admin.css"></head><body>
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
