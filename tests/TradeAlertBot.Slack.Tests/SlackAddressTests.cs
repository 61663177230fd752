namespace TradeAlertBot.Slack.Tests;

public sealed class SlackAddressTests
{
    [Fact]
    public void An_address_names_the_workspace_and_the_channel_and_parses_back()
    {
        var address = SlackAddress.Of("T0ACME", "C0TRADE");

        Assert.Equal("T0ACME/C0TRADE", address);
        Assert.Equal(("T0ACME", "C0TRADE"), SlackAddress.Parse(address));
    }

    [Fact]
    public void An_address_without_a_workspace_is_the_bare_channel()
    {
        Assert.Equal("C0TRADE", SlackAddress.Of(null, "C0TRADE"));
        Assert.Equal(((string?)null, "C0TRADE"), SlackAddress.Parse("C0TRADE"));
    }
}
