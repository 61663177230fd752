using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries;

/// <summary>Builds the neutral <see cref="Alert"/> for a stored story.</summary>
public static class AlertFactory
{
    public static Alert From(Story story) =>
        new(story.Id, story.Title, story.Link, story.Source, story.Published, story.Summary,
            story.Content.Reasons, story.Content.Facts, story.OutletCount);
}
