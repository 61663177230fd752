using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Deliveries;

namespace TradeAlertBot.Tests.Deliveries;

public class ConsoleAlertSenderTests
{
    private static readonly Alert Plain = new(42, "US duties on solar cells", null, "Example News", null, "",
        [new AlertReason("new-tariffs", ["duties"])], [], 1);

    [Fact]
    public void The_watch_line_comes_right_under_the_alerts_first_line()
    {
        var lines = ConsoleAlertSender.Format(Plain with { WatchLine = "8541.43 solar cells, from CN" }).Split(Environment.NewLine);

        Assert.Equal("=== ALERT [new-tariffs] US duties on solar cells", lines[1]);
        Assert.Equal("    Your watch list: 8541.43 solar cells, from CN", lines[2]);
    }

    [Fact]
    public void An_alert_touching_no_watch_list_has_no_watch_line()
    {
        Assert.DoesNotContain("Your watch list", ConsoleAlertSender.Format(Plain));
    }

    [Fact]
    public async Task A_digest_line_carries_its_alerts_watch_line()
    {
        var output = new StringWriter();

        await new ConsoleAlertSender(output).SendDigestAsync("stdout", [Plain with { WatchLine = "8541 solar" }, Plain], CancellationToken.None);

        Assert.Single(output.ToString().Split(Environment.NewLine), l => l.EndsWith(" — Your watch list: 8541 solar", StringComparison.Ordinal));
    }
}
