using TradeAlertBot.Core.Routing;

namespace TradeAlertBot.Core.Tests.Routing;

public sealed class HoldPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Nothing_holds_a_plain_channel() => Assert.Null(HoldPolicy.Current(new HoldSettings(), Now));

    [Fact]
    public void A_mute_holds_until_it_ends_and_wins_over_the_rest()
    {
        var channel = new HoldSettings(MutedUntil: Now.AddHours(2), QuietHours: "22:00-07:00", Digest: "hourly");

        Assert.Equal(new Hold("mute", Now.AddHours(2)), HoldPolicy.Current(channel, Now));
    }

    [Fact]
    public void Quiet_hours_hold_until_morning_in_the_channels_zone()
    {
        var channel = new HoldSettings(QuietHours: "22:00-07:00", TimeZone: "Europe/Berlin");

        Assert.Equal(new Hold("quiet", new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero)), HoldPolicy.Current(channel, Now));
    }

    [Fact]
    public void A_storm_holds_until_its_window_ends_and_an_old_one_does_not()
    {
        Assert.Equal("storm", HoldPolicy.Current(new HoldSettings(StormUntil: Now.AddMinutes(3)), Now)?.Reason);
        Assert.Null(HoldPolicy.Current(new HoldSettings(StormUntil: Now.AddMinutes(-1)), Now));
    }

    [Fact]
    public void A_digest_channel_always_holds_until_its_next_digest()
    {
        var channel = new HoldSettings(Digest: "hourly", NextDigestAt: Now.AddMinutes(30));

        Assert.Equal(new Hold("digest", Now.AddMinutes(30)), HoldPolicy.Current(channel, Now));
    }

    [Fact]
    public void An_unknown_time_zone_is_read_as_utc() => Assert.Equal(TimeZoneInfo.Utc, HoldPolicy.ZoneOf("Mars/Olympus"));
}
