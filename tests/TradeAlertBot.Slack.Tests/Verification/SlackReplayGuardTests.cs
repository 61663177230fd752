using Microsoft.Extensions.Options;
using TradeAlertBot.Slack.Verification;

namespace TradeAlertBot.Slack.Tests.Verification;

public sealed class SlackReplayGuardTests
{
    private static SlackReplayGuard Guard(int size = 100) => new(Options.Create(new SlackOptions { ReplayCacheSize = size }));

    [Fact]
    public void A_key_is_first_time_once_and_a_repeat_after_that()
    {
        using var guard = Guard();

        Assert.True(guard.FirstTime("v0=abc"));
        Assert.False(guard.FirstTime("v0=abc"));
        Assert.True(guard.FirstTime("v0=def"));
    }

    [Fact]
    public void When_the_memory_is_full_new_keys_pass_but_are_not_remembered()
    {
        using var guard = Guard(size: 2);
        Assert.True(guard.FirstTime("one"));
        Assert.True(guard.FirstTime("two"));

        Assert.True(guard.FirstTime("three"));
        Assert.True(guard.FirstTime("three"));
        Assert.False(guard.FirstTime("one"));
    }
}
