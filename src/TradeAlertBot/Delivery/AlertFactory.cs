using System.Text.Json;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries;

/// <summary>Builds the neutral <see cref="Alert"/> for a stored story.</summary>
public static class AlertFactory
{
    public static Alert From(Story story)
    {
        var content = JsonSerializer.Deserialize<AlertContent>(story.ClassificationJson)
            ?? new AlertContent([], []);
        return new Alert(story.Id, story.Title, story.Link, story.Source, story.Published, story.Summary,
            content.Reasons, content.Facts, story.OutletCount);
    }
}
