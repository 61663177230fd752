using System.Net;
using Microsoft.Extensions.Options;

namespace TradeAlertBot.Web;

/// <summary>A mistyped proxy address stops start-up with the setting's name, instead of failing the first request.</summary>
public sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSettings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSettings options)
    {
        var errors = new List<string>();
        errors.AddRange(options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"web: ForwardedHeaders:KnownProxies '{p}' is not an IP address"));
        errors.AddRange(options.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _))
            .Select(n => $"web: ForwardedHeaders:KnownNetworks '{n}' is not a CIDR network such as 10.0.0.0/8"));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
