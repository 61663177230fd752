using System.Net;

namespace TradeAlertBot.Admin;

/// <summary>
/// The <c>Admin:Oidc</c> settings: sign-in to the console through an organisation's OpenID Connect provider
/// (authorization code flow with PKCE). Off unless <see cref="Authority"/> is set; then the client id and secret
/// and at least one admission rule (<see cref="AllowedDomains"/>, <see cref="AllowedGroups"/>) are required, so a
/// provider that signs in anybody (a multi-tenant or public one) does not open the console to anybody.
/// </summary>
public sealed class AdminOidcOptions
{
    /// <summary>The provider's issuer URL, e.g. https://login.example.com/realms/staff (discovery is read from below it).</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The name on the sign-in button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>E-mail domains admitted (example.com); empty: any domain, if a group rule is set.</summary>
    public List<string> AllowedDomains { get; set; } = [];

    /// <summary>Values of the groups claim admitted (a group name or id, as the provider sends it).</summary>
    public List<string> AllowedGroups { get; set; } = [];

    /// <summary>The id token claim that names the person (also the audit log's actor).</summary>
    public string EmailClaim { get; set; } = "email";

    public string GroupsClaim { get; set; } = "groups";

    /// <summary>Scopes asked for (empty: openid, profile, email); some providers send group claims only for an extra scope.</summary>
    // Empty by default: binding a configured list onto a non-empty default would append to it.
    public List<string> Scopes { get; set; } = [];

    public IReadOnlyList<string> EffectiveScopes => Scopes.Count > 0 ? Scopes : ["openid", "profile", "email"];

    public bool Enabled => Authority.Length > 0;

    /// <summary>
    /// Metadata over plain http only from this machine (a local test provider): anywhere else a man in the middle
    /// could hand out his own signing keys.
    /// </summary>
    public bool RequireHttpsMetadata =>
        !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && (uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
