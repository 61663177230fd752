using Microsoft.Extensions.Options;

namespace TradeAlertBot.Admin;

/// <summary>Half-configured or unsafe OpenID Connect settings stop start-up with the setting's name.</summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var oidc = options.Oidc;
        var errors = new List<string>();
        if (!oidc.Enabled)
        {
            if (oidc.ClientId.Length > 0 || oidc.ClientSecret.Length > 0)
            {
                errors.Add("admin: Admin:Oidc:ClientId or ClientSecret is set but Admin:Oidc:Authority is not; set the provider's issuer URL or remove them");
            }

            return Result(errors);
        }

        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            errors.Add($"admin: Admin:Oidc:Authority '{oidc.Authority}' is not an absolute https URL");
        }
        else if (authority.Scheme == "http" && oidc.RequireHttpsMetadata)
        {
            errors.Add($"admin: Admin:Oidc:Authority '{oidc.Authority}' must be https (plain http only for a provider on this machine)");
        }

        if (oidc.ClientId.Length == 0)
        {
            errors.Add("admin: Admin:Oidc:ClientId is required when Admin:Oidc:Authority is set");
        }

        if (oidc.ClientSecret.Length == 0)
        {
            errors.Add("admin: Admin:Oidc:ClientSecret is required when Admin:Oidc:Authority is set");
        }

        if (oidc.AllowedDomains.Count == 0 && oidc.AllowedGroups.Count == 0)
        {
            errors.Add("admin: set Admin:Oidc:AllowedDomains or Admin:Oidc:AllowedGroups: without either, everyone the provider signs in would be an admin");
        }

        errors.AddRange(oidc.AllowedDomains.Where(d => d.Length == 0 || d.Contains('@') || d.Contains(' '))
            .Select(d => $"admin: Admin:Oidc:AllowedDomains '{d}' is not an e-mail domain such as example.com"));
        if (oidc.EmailClaim.Length == 0 || oidc.GroupsClaim.Length == 0)
        {
            errors.Add("admin: Admin:Oidc:EmailClaim and GroupsClaim must not be empty");
        }

        if (!oidc.EffectiveScopes.Contains("openid"))
        {
            errors.Add("admin: Admin:Oidc:Scopes must include openid");
        }

        return Result(errors);
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
