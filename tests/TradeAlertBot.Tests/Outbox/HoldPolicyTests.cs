using TradeAlertBot.Outbox;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Outbox;

public sealed class HoldPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 23, 30, 0, TimeSpan.Zero);

    private static Destination Channel() => new() { Kind = "slack", Address = "C1" };

    [Fact]
    public void Nothing_holds_a_plain_channel() => Assert.Null(HoldPolicy.Current(Channel(), Now));

    [Fact]
    public void A_mute_holds_until_it_ends_and_wins_over_the_rest()
    {
        var channel = Channel();
        (channel.MutedUntil, channel.QuietHours, channel.Digest) = (Now.AddHours(2), "22:00-07:00", "hourly");

        Assert.Equal(new HoldPolicy.Hold("mute", Now.AddHours(2)), HoldPolicy.Current(channel, Now));
    }

    [Fact]
    public void Quiet_hours_hold_until_morning_in_the_channels_zone()
    {
        var channel = Channel();
        (channel.QuietHours, channel.TimeZone) = ("22:00-07:00", "Europe/Berlin");

        Assert.Equal(new HoldPolicy.Hold("quiet", new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero)), HoldPolicy.Current(channel, Now));
    }

    [Fact]
    public void A_storm_holds_until_its_window_ends_and_an_old_one_does_not()
    {
        var channel = Channel();
        channel.StormUntil = Now.AddMinutes(3);
        Assert.Equal("storm", HoldPolicy.Current(channel, Now)?.Reason);

        channel.StormUntil = Now.AddMinutes(-1);
        Assert.Null(HoldPolicy.Current(channel, Now));
    }

    [Fact]
    public void A_digest_channel_always_holds_until_its_next_digest()
    {
        var channel = Channel();
        (channel.Digest, channel.NextDigestAt) = ("hourly", Now.AddMinutes(30));

        Assert.Equal(new HoldPolicy.Hold("digest", Now.AddMinutes(30)), HoldPolicy.Current(channel, Now));
    }
}

public sealed class RetryPolicyTests
{
    private static readonly DeliveryOptions Options = new() { RetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(10) };

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(20, 600)]
    public void Doubles_per_attempt_up_to_the_cap(int attempt, double seconds) =>
        Assert.Equal(seconds, RetryPolicy.Delay(attempt, jitter: 0.5, Options).TotalSeconds, precision: 6);

    [Fact]
    public void Jitter_spreads_a_quarter_either_way()
    {
        Assert.Equal(7.5, RetryPolicy.Delay(1, 0, Options).TotalSeconds, precision: 6);
        Assert.InRange(RetryPolicy.Delay(1, 0.999, Options).TotalSeconds, 12.49, 12.5);
    }
}
