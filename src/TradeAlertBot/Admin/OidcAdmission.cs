using System.Security.Claims;

namespace TradeAlertBot.Admin;

/// <summary>
/// Whether an identity the provider vouched for may use the console: every configured rule must hold (an allowed
/// e-mail domain, and a group on the list), so adding a group rule narrows a domain rule instead of widening it.
/// An e-mail the provider marks as unverified admits nobody: anyone could have typed it.
/// </summary>
public sealed record OidcAdmission(string Identity, string? Refusal)
{
    public bool Admitted => Refusal is null;

    public static OidcAdmission Judge(ClaimsPrincipal user, AdminOidcOptions options)
    {
        var email = user.FindFirst(options.EmailClaim)?.Value?.Trim() ?? "";
        var identity = email.Length > 0 ? email : user.FindFirst("sub")?.Value ?? "unknown";
        if (user.FindFirst("email_verified")?.Value is { } verified && !(bool.TryParse(verified, out var yes) && yes))
        {
            return new(identity, "the provider has not verified its e-mail address");
        }

        if (options.AllowedDomains.Count > 0)
        {
            var at = email.LastIndexOf('@');
            var domain = at > 0 ? email[(at + 1)..] : "";
            if (!options.AllowedDomains.Any(d => string.Equals(d.Trim(), domain, StringComparison.OrdinalIgnoreCase)))
            {
                return new(identity, domain.Length == 0
                    ? $"the provider sent no e-mail address (claim '{options.EmailClaim}')"
                    : $"its e-mail domain {domain} is not one of Admin:Oidc:AllowedDomains");
            }
        }

        if (options.AllowedGroups.Count > 0)
        {
            var groups = user.FindAll(options.GroupsClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            if (!options.AllowedGroups.Any(groups.Contains))
            {
                return new(identity, "it is in none of Admin:Oidc:AllowedGroups");
            }
        }

        return new(identity, null);
    }
}
