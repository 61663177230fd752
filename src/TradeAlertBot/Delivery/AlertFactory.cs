using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries;

/// <summary>Builds the neutral <see cref="Alert"/> for a stored story, or for one destination's delivery of it.</summary>
public static class AlertFactory
{
    /// <summary>The story's alert with the delivery's own part: the watch-list line of its destination.</summary>
    public static Alert For(Delivery delivery) => From(delivery.Story!) with { WatchLine = delivery.WatchLine };

    public static Alert From(Story story) =>
        new(story.Id, story.Title, story.Link, story.Source, story.Published, story.Summary,
            story.Content.Reasons, story.Content.Facts, story.OutletCount);
}
