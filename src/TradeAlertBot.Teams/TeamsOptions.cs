namespace TradeAlertBot.Teams;

/// <summary>Settings section "Teams" (documented in appsettings.sample.json; environment variables use "__").</summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>Named HttpClient for OpenID metadata, JWKS and token requests (configure proxies or test trust here).</summary>
    public const string AuthHttpClientName = "TeamsAuth";

    public string? AppId { get; set; }
    public string? AppPassword { get; set; }
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PFX at <see cref="CertificatePath"/>, if it has one.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>"MultiTenant" (default) or "SingleTenant".</summary>
    public string AppType { get; set; } = "MultiTenant";
    public string? TenantId { get; set; }

    /// <summary>Bot Framework's OpenID metadata for channel tokens.</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>Token authority; its token endpoint is {Authority}/oauth2/v2.0/token. Default depends on AppType.</summary>
    public Uri? Authority { get; set; }
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>
    /// Admins named in settings, by AAD object id: <c>TENANT:USER</c>, or a bare <c>USER</c> that counts in
    /// <see cref="TenantId"/> and <see cref="AllowedTenants"/>.
    /// </summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>The tenants a bare admin id counts in.</summary>
    public IReadOnlyList<string> AdminTenants => [.. TenantId is { Length: > 0 } tenant ? [tenant] : Array.Empty<string>(), .. AllowedTenants];

    /// <summary>
    /// Bot Framework channels whose activities are acted on; empty means Teams only (<c>msteams</c>). Others (webchat,
    /// directline, the emulator) carry no Entra identity and let the sender choose their ids, so they stay off unless
    /// named here.
    /// </summary>
    public List<string> AllowedChannels { get; set; } = [];

    public const string TeamsChannel = "msteams";

    public bool IsChannelAllowed(string channelId) => AllowedChannels.Count == 0
        ? channelId == TeamsChannel
        : AllowedChannels.Contains(channelId, StringComparer.Ordinal);

    public bool Enabled => !string.IsNullOrEmpty(AppId);
    public bool IsSingleTenant => string.Equals(AppType, "SingleTenant", StringComparison.OrdinalIgnoreCase);

    /// <summary>The authority MSAL asks: the configured one, else botframework.com (multi-tenant) or the tenant.</summary>
    public Uri EffectiveAuthority => Authority
        ?? new Uri($"https://login.microsoftonline.com/{(IsSingleTenant ? TenantId : "botframework.com")}");
}
