using System.Net;

namespace TradeAlertBot.Web;

/// <summary>
/// The <c>ForwardedHeaders</c> settings: off by default. Behind a TLS-terminating proxy, turn it on and name the
/// proxy, so X-Forwarded-Proto/-For from it (and only from it) restore the client's scheme and address: cookies
/// stay Secure, OAuth redirect URIs stay https and per-client limits see the real client.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Proxy addresses trusted to set the headers, e.g. "10.0.0.5" (loopback is always trusted).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Proxies in front of the bot whose entries are applied (the last N of each header).</summary>
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<IPAddress> ProxyAddresses() => KnownProxies.Select(p => IPAddress.Parse(p));

    public IEnumerable<System.Net.IPNetwork> ProxyNetworks() => KnownNetworks.Select(n => System.Net.IPNetwork.Parse(n));
}
