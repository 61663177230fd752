using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace TradeAlertBot.Feeds.Fetching;

/// <summary>
/// The SSRF guard. A URL is checked before each request (scheme, then every address its host resolves to), and
/// the same check runs again when the socket connects (<see cref="ConnectAsync"/>), on the addresses actually used,
/// so a DNS answer that changes between the two (DNS rebinding) cannot slip through.
/// See https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html
/// </summary>
public sealed class UrlGuard
{
    private readonly FeedsOptions _options;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    public UrlGuard(IOptions<FeedsOptions> options)
        : this(options, Dns.GetHostAddressesAsync)
    {
    }

    internal UrlGuard(IOptions<FeedsOptions> options, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
    {
        _options = options.Value;
        _resolve = resolve;
    }

    /// <summary>Refuses (with a <see cref="FeedFetchErrorKind.Blocked"/> error) an http(s) URL the bot must not fetch.</summary>
    public async Task CheckAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            var scheme = url.IsAbsoluteUri ? url.Scheme + ":" : "relative";
            throw Blocked($"fetch: {scheme} URLs are not allowed, only http and https");
        }

        var host = url.IdnHost.Trim('[', ']');
        if (IsAllowedHost(host))
        {
            return;
        }

        CheckAddresses(host, await ResolveAsync(host, cancellationToken));
    }

    /// <summary>The local path of a file: URL, if it lies under the configured samples directory.</summary>
    public string ResolveSampleFile(Uri url)
    {
        if (!url.IsFile || string.IsNullOrEmpty(_options.SamplesDirectory))
        {
            throw Blocked("fetch: file: URLs are allowed only under Feeds:SamplesDirectory, which is not set");
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(_options.SamplesDirectory)) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(url.LocalPath);
        var target = File.Exists(path) ? File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path : path;
        if (!path.StartsWith(root, StringComparison.Ordinal) || !target.StartsWith(root, StringComparison.Ordinal))
        {
            throw Blocked($"fetch: {path} is outside the samples directory {root}");
        }

        return path;
    }

    /// <summary>SocketsHttpHandler.ConnectCallback: resolves, refuses forbidden addresses, connects.</summary>
    internal async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = await ResolveAsync(host, cancellationToken);
        if (!IsAllowedHost(host))
        {
            CheckAddresses(host, addresses);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        try
        {
            var addresses = await _resolve(host, cancellationToken);
            return addresses.Length > 0
                ? addresses
                : throw new FeedFetchException(FeedFetchErrorKind.Network, $"fetch: host '{host}' has no addresses");
        }
        catch (SocketException e)
        {
            throw new FeedFetchException(FeedFetchErrorKind.Network, $"fetch: cannot resolve host '{host}': {e.Message}", e);
        }
    }

    private void CheckAddresses(string host, IPAddress[] addresses)
    {
        foreach (var address in addresses)
        {
            if (AddressPolicy.BlockReason(address) is { } reason)
            {
                var resolved = IPAddress.TryParse(host, out _) ? "" : $" (resolved from '{host}')";
                throw Blocked($"fetch: address {address}{resolved} is {reason}; feeds must be on public addresses (Feeds:AllowedPrivateHosts exempts a host)");
            }
        }
    }

    private bool IsAllowedHost(string host) =>
        _options.AllowedPrivateHosts.Any(allowed => string.Equals(allowed.Trim().Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));

    private static FeedFetchException Blocked(string message) => new(FeedFetchErrorKind.Blocked, message);
}
