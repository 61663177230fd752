using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries;

/// <summary>
/// The time window the "was it posted?" lookup reads for an uncertain attempt: from when the attempt started (or,
/// for rows from before attempts were timed, when the row was made) to the end of its claim, never past now.
/// History reads may be few and small (docs/slack.md), so the window is as narrow as the attempt allows.
/// </summary>
public static class LookupWindow
{
    // Clock skew between us and the platform, on both ends.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public static (DateTimeOffset From, DateTimeOffset To) Of(Delivery delivery, TimeSpan claim, DateTimeOffset now)
    {
        var from = (delivery.AttemptedAt ?? delivery.CreatedAt) - Margin;
        var to = delivery.AttemptedAt is { } attempted ? attempted + claim + Margin : now;
        return (from, to < now ? to : now);
    }
}
