using System.Net;
using System.Net.Sockets;

namespace TradeAlertBot.Feeds.Fetching;

/// <summary>
/// Which IP addresses a feed fetch must never reach: anything that is not a public unicast address, so a feed URL
/// (or a redirect, or a DNS answer) cannot point the bot at itself, the local network or a cloud metadata service.
/// Ranges from the IANA special-purpose registries (RFC 6890):
/// https://www.iana.org/assignments/iana-ipv4-special-registry and .../iana-ipv6-special-registry
/// </summary>
public static class AddressPolicy
{
    /// <summary>Why <paramref name="address"/> is refused ("loopback", "private"...), or null when it is public.</summary>
    public static string? BlockReason(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IPv4Reason(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IPv6Reason(address.GetAddressBytes()),
            _ => "not an IP address",
        };
    }

    private static string? IPv4Reason(byte[] b) => (b[0], b[1], b[2], b[3]) switch
    {
        (169, 254, 169, 254) => "cloud metadata",
        (0, _, _, _) => "unspecified",
        (10, _, _, _) => "private",
        (100, >= 64 and <= 127, _, _) => "carrier-grade NAT",
        (127, _, _, _) => "loopback",
        (169, 254, _, _) => "link-local",
        (172, >= 16 and <= 31, _, _) => "private",
        (192, 0, 0, _) => "reserved", // IETF protocol assignments; 192.0.0.192 is Oracle Cloud's metadata service
        (192, 0, 2, _) or (198, 51, 100, _) or (203, 0, 113, _) => "documentation",
        (192, 88, 99, _) => "reserved",
        (192, 168, _, _) => "private",
        (198, 18 or 19, _, _) => "benchmarking",
        ( >= 224 and <= 239, _, _, _) => "multicast",
        ( >= 240, _, _, _) => "reserved",
        _ => null,
    };

    private static string? IPv6Reason(byte[] b)
    {
        var address = new IPAddress(b);
        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "loopback";
        }

        if (address.Equals(IPAddress.Parse("fd00:ec2::254")))
        {
            return "cloud metadata";
        }

        // Addresses that embed an IPv4 address are judged by it: IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return IPv4Reason(b[12..16]);
        }

        if (b.AsSpan(0, 12).SequenceEqual(new byte[] { 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 }))
        {
            return IPv4Reason(b[12..16]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IPv4Reason(b[2..6]);
        }

        return (b[0], b[1]) switch
        {
            (0xff, _) => "multicast",
            (0xfc or 0xfd, _) => "private",                 // unique local fc00::/7
            (0xfe, >= 0x80 and <= 0xbf) => "link-local",     // fe80::/10
            (0xfe, >= 0xc0) => "private",                    // site-local fec0::/10 (deprecated)
            (0x20, 0x01) when b[2] == 0x0d && b[3] == 0xb8 => "documentation", // 2001:db8::/32
            (0x01, 0x00) when b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0 => "reserved", // discard 100::/64
            _ => null,
        };
    }
}
