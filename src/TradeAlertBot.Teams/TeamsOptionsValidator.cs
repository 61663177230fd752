using Microsoft.Extensions.Options;

namespace TradeAlertBot.Teams;

/// <summary>
/// The Teams bot switches on only when it can get tokens: a single-tenant app without a tenant would ask an authority
/// with no tenant in it, and an app without a credential fails every send. Each failure names the missing setting.
/// </summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (!options.IsSingleTenant && !string.Equals(options.AppType, "MultiTenant", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Teams:AppType must be MultiTenant or SingleTenant, not '{options.AppType}'");
        }

        if (options.Enabled && options.IsSingleTenant && string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add("Teams:TenantId is required when Teams:AppType is SingleTenant");
        }

        if (options.Enabled && string.IsNullOrEmpty(options.AppPassword) && string.IsNullOrEmpty(options.CertificatePath))
        {
            failures.Add("Teams:AppPassword or Teams:CertificatePath is required when Teams:AppId is set");
        }

        // MSAL only asks https authorities; a plain-http one would fail every send instead of the start.
        if (options.Enabled && options.Authority is { } authority && authority.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"Teams:Authority must be an https URL, not '{authority.Scheme}'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
