using System.Net;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Tests.Fetching;

public class AddressPolicyTests
{
    [Theory]
    [InlineData("8.8.8.8", null)]
    [InlineData("93.184.215.14", null)]
    [InlineData("100.63.255.255", null)]
    [InlineData("100.128.0.0", null)]
    [InlineData("172.15.255.255", null)]
    [InlineData("172.32.0.0", null)]
    [InlineData("2606:4700::1111", null)]
    [InlineData("2002:0808:0808::1", null)] // 6to4 wrapping 8.8.8.8
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("100.64.0.0", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("169.254.170.2", "link-local")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.0.0.192", "reserved")]
    [InlineData("192.0.2.1", "documentation")]
    [InlineData("192.168.0.1", "private")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("64:ff9b::169.254.169.254", "cloud metadata")]
    [InlineData("2002:7f00:0001::1", "loopback")] // 6to4 wrapping 127.0.0.1
    [InlineData("fd00:ec2::254", "cloud metadata")]
    [InlineData("fd12:3456::1", "private")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("fec0::1", "private")]
    [InlineData("ff05::2", "multicast")]
    [InlineData("2001:db8::1", "documentation")]
    public void Addresses_are_classified_by_their_special_purpose_range(string address, string? reason)
    {
        Assert.Equal(reason, AddressPolicy.BlockReason(IPAddress.Parse(address)));
    }
}
