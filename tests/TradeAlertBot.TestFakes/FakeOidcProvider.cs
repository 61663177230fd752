using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// An OpenID Connect provider on 127.0.0.1 for the authorization code flow with PKCE: discovery, JWKS, an authorize
/// endpoint that signs <see cref="User"/> in at once (no login form) and redirects back with a code, and a token
/// endpoint that checks the code, the redirect URI, the PKCE verifier and the client secret before it returns an
/// id token signed with its key and carrying the nonce. Plain http: loopback only, as the app allows for tests.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private readonly ConcurrentQueue<string> _refusals = new();
    private readonly ConcurrentDictionary<string, string> _pendingPages = new();
    private readonly FakeOidcKey _key = new();
    private LoopbackServer _server = null!;
    private int _tokensIssued;

    private FakeOidcProvider(string clientId, string clientSecret, string authorizeHost)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        AuthorizeHost = authorizeHost;
    }

    public string ClientId { get; }
    public string ClientSecret { get; }

    /// <summary>
    /// The host name the browser is sent to for /authorize: "localhost" makes the provider another site than an app
    /// on 127.0.0.1 (as a real provider is), while the app's own calls still go to 127.0.0.1.
    /// </summary>
    public string AuthorizeHost { get; }

    /// <summary>
    /// When set, /authorize shows a page with a "Continue" button (as a real provider's login form) and the redirect
    /// back follows that button's form post: the navigation back to the app then starts on the provider's site.
    /// </summary>
    public bool ShowsSignInPage { get; set; }

    /// <summary>Who the next sign-in signs in; null: the provider answers access_denied.</summary>
    public FakeOidcUser? User { get; set; } = FakeOidcUser.Named("alice@example.com");

    /// <summary>The issuer, also the value for <c>Admin:Oidc:Authority</c>: http://127.0.0.1:{port}.</summary>
    public string Authority => _server.BaseUrl.AbsoluteUri.TrimEnd('/');

    /// <summary>Clock for the id tokens' iat/nbf/exp.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>Why the endpoints refused requests, in order (empty when every request was right).</summary>
    public IReadOnlyCollection<string> Refusals => _refusals;

    public static async Task<FakeOidcProvider> StartAsync(string clientId = "console", string clientSecret = "fake-oidc-secret", string authorizeHost = "127.0.0.1")
    {
        var fake = new FakeOidcProvider(clientId, clientSecret, authorizeHost);
        fake._server = await LoopbackServer.StartAsync(fake.Map);
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Text(new JsonObject
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = $"http://{AuthorizeHost}:{_server.BaseUrl.Port}/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new JsonArray("code"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic"),
        }.ToJsonString(), "application/json"));
        app.MapGet("/jwks", () => Results.Text(new JsonObject { ["keys"] = new JsonArray(_key.ToJwk()) }.ToJsonString(), "application/json"));
        app.MapGet("/authorize", Authorize);
        app.MapPost("/authorize", async (HttpRequest request) =>
            Results.Redirect((await request.ReadFormAsync())["back"].ToString() is { } back && _pendingPages.TryRemove(back, out var target) ? target : "/"));
        app.MapPost("/token", TokenAsync);
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        string redirect = q["redirect_uri"].ToString(), state = q["state"].ToString();
        var problem = q["client_id"] != ClientId ? "unknown client_id"
            : q["response_type"] != "code" ? "response_type is not code"
            : !q["scope"].ToString().Split(' ').Contains("openid") ? "scope lacks openid"
            : q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]) ? "no S256 PKCE challenge"
            : string.IsNullOrEmpty(q["nonce"]) ? "no nonce"
            : !Uri.TryCreate(redirect, UriKind.Absolute, out _) ? "no redirect_uri"
            : null;
        if (problem is not null)
        {
            _refusals.Enqueue("authorize: " + problem);
            return Results.BadRequest(problem);
        }

        if (User is not { } user)
        {
            return Results.Redirect(QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["error"] = "access_denied", ["state"] = state }));
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new PendingCode(redirect, q["code_challenge"].ToString(), q["nonce"].ToString(), user);
        var back = QueryHelpers.AddQueryString(redirect, new Dictionary<string, string?> { ["code"] = code, ["state"] = state });
        if (!ShowsSignInPage)
        {
            return Results.Redirect(back);
        }

        var key = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        _pendingPages[key] = back;
        return Results.Content(
            $"""<!doctype html><title>Fake provider</title><form method="post" action="/authorize"><input type="hidden" name="back" value="{key}"><button type="submit">Continue</button></form>""",
            "text/html");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        PendingCode? pending = null;
        var problem = form["grant_type"] != "authorization_code" ? "grant_type is not authorization_code"
            : clientId != ClientId || secret != ClientSecret ? "invalid_client"
            : !_codes.TryRemove(form["code"].ToString(), out pending) ? "unknown or used code"
            : pending.RedirectUri != form["redirect_uri"] ? "redirect_uri differs from the authorize request"
            : Challenge(form["code_verifier"].ToString()) != pending.CodeChallenge ? "PKCE code_verifier does not match the challenge"
            : null;
        if (problem is not null)
        {
            _refusals.Enqueue("token: " + problem);
            return Results.Text(new JsonObject { ["error"] = problem == "invalid_client" ? "invalid_client" : "invalid_grant", ["error_description"] = problem }.ToJsonString(),
                "application/json", statusCode: problem == "invalid_client" ? 401 : 400);
        }

        Interlocked.Increment(ref _tokensIssued);
        return Results.Text(new JsonObject
        {
            ["access_token"] = "fake-access-" + Guid.NewGuid().ToString("n"),
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = IdToken(pending!),
        }.ToJsonString(), "application/json");
    }

    private string IdToken(PendingCode pending) => _key.Sign(Authority, ClientId, Clock.GetUtcNow(), new Dictionary<string, object>
    {
        ["sub"] = pending.User.Subject,
        ["email"] = pending.User.Email,
        ["email_verified"] = pending.User.EmailVerified,
        ["groups"] = pending.User.Groups.ToArray(),
        ["nonce"] = pending.Nonce,
    });

    // client_secret_post (ASP.NET Core's default) or client_secret_basic.
    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }

        return (form["client_id"], form["client_secret"]);
    }

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed record PendingCode(string RedirectUri, string CodeChallenge, string Nonce, FakeOidcUser User);
}
