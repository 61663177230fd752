using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Pages.Admin;

/// <summary>One feed as the feeds page lists it: the feed and its stored items per day, oldest day first.</summary>
public sealed record FeedsRow(Feed Feed, IReadOnlyList<int> PerDay)
{
    public string Status => Feed.Enabled
        ? (Feed.LastStatus ?? "not polled yet") + (Feed.ConsecutiveErrors > 0 ? $" ({Feed.ConsecutiveErrors} error(s) in a row)" : "")
        : "disabled: " + (Feed.DisabledReason ?? "no reason recorded");

    public string Name => Feed.Title ?? Core.Text.ShownUrl.Redacted(Feed.Url);
}
