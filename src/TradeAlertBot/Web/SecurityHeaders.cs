namespace TradeAlertBot.Web;

/// <summary>
/// Headers on every response: no script, style or frame from anywhere but this host, no framing at all
/// (clickjacking: frame-ancestors and the older X-Frame-Options), no MIME sniffing, no referrer sent to the news
/// sites the pages link to. Pages therefore carry no inline script or style; they load /css/* and /js/* (wwwroot).
/// See https://owasp.org/www-project-secure-headers/.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(http);
    });
}
