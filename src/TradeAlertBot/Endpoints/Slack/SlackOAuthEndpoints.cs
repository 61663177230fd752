using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using TradeAlertBot.Slack;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.Endpoints.Slack;

/// <summary>
/// Multi-workspace install (OAuth v2): <c>/slack/install</c> sends the admin to Slack's consent page with a
/// <c>state</c> bound to their browser (a cookie holds the nonce; the state is the nonce protected for 10
/// minutes), and <c>/slack/oauth/callback</c> checks it, exchanges the code and stores the token encrypted — for a
/// workspace in <c>Slack:AllowedTeams</c> (when set) only.
/// </summary>
public static class SlackOAuthEndpoints
{
    public const string BotScopes = "commands,chat:write,chat:write.public,channels:read,groups:read,app_mentions:read";
    private const string NonceCookie = "tab_slack_oauth";
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapSlackOAuth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/slack/install", Install);
        app.MapGet("/slack/oauth/callback", CallbackAsync);
        return app;
    }

    private static IResult Install(HttpContext http, IOptions<SlackOptions> options, IDataProtectionProvider protection)
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var state = Protector(protection).Protect(nonce, StateLifetime);
        http.Response.Cookies.Append(NonceCookie, nonce, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = StateLifetime, Path = "/slack/oauth",
        });
        var authorize = new Uri(options.Value.ApiBaseUrl, "/oauth/v2/authorize");
        var query = $"client_id={Uri.EscapeDataString(options.Value.ClientId!)}&scope={Uri.EscapeDataString(BotScopes)}"
            + $"&state={Uri.EscapeDataString(state)}&redirect_uri={Uri.EscapeDataString(RedirectUri(http.Request))}"
            + (options.Value.AllowedTeams is [var only] ? $"&team={Uri.EscapeDataString(only)}" : ""); // preselects the one workspace served
        return Results.Redirect($"{authorize}?{query}");
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext http, IOptions<SlackOptions> options, IDataProtectionProvider protection, ISlackApi slack,
        SlackTokens tokens, TimeProvider time, ILogger<SlackTokens> logger, CancellationToken ct)
    {
        var query = http.Request.Query;
        if (!string.IsNullOrEmpty(query["error"]))
        {
            return Page(400, "Slack install cancelled", $"Slack answered: {query["error"]}. Nothing was installed.");
        }

        if (!StateMatches(protection, query["state"].ToString(), http.Request.Cookies[NonceCookie]))
        {
            logger.LogWarning("slack: OAuth callback refused: state missing, expired or not from this browser");
            return Page(400, "Install link expired", "Start again from /slack/install (the link is valid for 10 minutes, in the same browser).");
        }

        var code = query["code"].ToString();
        if (code.Length == 0)
        {
            return Page(400, "Slack install failed", "The callback carried no code.");
        }

        try
        {
            var install = await slack.ExchangeOAuthCodeAsync(options.Value.ClientId!, options.Value.ClientSecret!, code, RedirectUri(http.Request), ct);
            if (!options.Value.IsTeamAllowed(install.TeamId))
            {
                // The token is dropped unused: this service does not serve that workspace (Slack:AllowedTeams).
                logger.LogWarning("slack: refused an install in workspace {TeamId} (not in Slack:AllowedTeams)", install.TeamId);
                return Page(403, "Workspace not served", "This TradeAlertBot serves other Slack workspaces only; nothing was installed.");
            }

            await tokens.SaveInstallAsync(install.TeamId, install.TeamName, install.BotToken, install.BotUserId, time.GetUtcNow(), ct);
            http.Response.Cookies.Delete(NonceCookie, new CookieOptions { Path = "/slack/oauth" });
            logger.LogInformation("slack: installed in workspace {TeamId} ({Team})", install.TeamId, install.TeamName);
            return Page(200, "TradeAlertBot installed", $"Installed in {install.TeamName}. Invite the bot to a channel and type /trade help.");
        }
        catch (SlackApiException e)
        {
            logger.LogWarning("slack: OAuth code exchange failed: {Error}", e.Error);
            return Page(502, "Slack install failed", $"Slack refused the install: {e.Error}. Try again from /slack/install.");
        }
    }

    private static bool StateMatches(IDataProtectionProvider protection, string state, string? nonce)
    {
        if (state.Length == 0 || string.IsNullOrEmpty(nonce))
        {
            return false;
        }

        try
        {
            var expected = Protector(protection).Unprotect(state);
            return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(nonce));
        }
        catch (CryptographicException)
        {
            return false; // tampered or expired
        }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("TradeAlertBot.Slack.OAuthState").ToTimeLimitedDataProtector();

    private static string RedirectUri(HttpRequest request) => $"{request.Scheme}://{request.Host}/slack/oauth/callback";

    private static IResult Page(int status, string title, string text) => Results.Content(
        $"<!doctype html><meta charset=utf-8><title>{System.Net.WebUtility.HtmlEncode(title)}</title><h1>{System.Net.WebUtility.HtmlEncode(title)}</h1><p>{System.Net.WebUtility.HtmlEncode(text)}</p>",
        "text/html; charset=utf-8", statusCode: status);
}
