using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Core.Threads;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Ingest;

/// <summary>
/// What a document joining a trade action's story does to it (<see cref="ThreadNews"/>): the story's document, dates
/// and fact lines follow the action, its revision rises when the alert should show something new (sent alerts are
/// then edited in place), and each piece of news becomes a thread message for every destination the alert has
/// already gone to (one <see cref="ThreadReply"/> per destination and event, in the ingest's SaveChanges).
/// </summary>
internal static class ActionNews
{
    /// <summary>Applies <paramref name="incoming"/>; true when the action's dates moved (its reminders are replanned).</summary>
    public static async Task<bool> JoinAsync(TradeAlertDbContext db, Story story, OfficialDocument incoming, IReadOnlySet<string> known,
        DateTimeOffset now, CancellationToken ct)
    {
        var (document, news) = ThreadNews.Join(story.Document, incoming, known);
        var dates = (story.EffectiveOn, story.CommentsCloseOn);
        story.Document = document;
        story.EffectiveOn = document.EffectiveOn ?? story.EffectiveOn;
        story.CommentsCloseOn = document.CommentsCloseOn ?? story.CommentsCloseOn;
        var facts = WithDocument(story.Content.Facts, document);
        if (!facts.SequenceEqual(story.Content.Facts))
        {
            story.Content = story.Content with { Facts = facts };
            story.Revision++;
        }
        else if (news.Count > 0)
        {
            story.Revision++;
        }

        if (news.Count > 0 && story.Id != 0)
        {
            await StageAsync(db, story.Id, news, now, ct);
        }

        return dates != (story.EffectiveOn, story.CommentsCloseOn);
    }

    /// <summary>The story's fact lines with the document's in place of any earlier document's (and of a text-found date).</summary>
    public static IReadOnlyList<AlertFact> WithDocument(IReadOnlyList<AlertFact> facts, OfficialDocument document) =>
        [.. facts.Where(f => !DocumentFactLines.Labels.Contains(f.Label)), .. DocumentFactLines.From(document)];

    // Only destinations the alert has reached (or is being posted to): an alert still waiting shows the news itself.
    private static async Task StageAsync(TradeAlertDbContext db, long storyId, IReadOnlyList<ThreadMessage> news, DateTimeOffset now, CancellationToken ct)
    {
        var deliveries = await db.Deliveries
            .Where(d => d.StoryId == storyId && d.State != DeliveryState.Pending && d.State != DeliveryState.Dead)
            .Select(d => d.Id).ToListAsync(ct);
        var keys = news.Select(n => n.EventKey).ToList();
        var existing = (await db.ThreadReplies.Where(r => deliveries.Contains(r.DeliveryId) && keys.Contains(r.EventKey))
            .Select(r => new { r.DeliveryId, r.EventKey }).ToListAsync(ct)).Select(r => (r.DeliveryId, r.EventKey)).ToHashSet();
        foreach (var deliveryId in deliveries)
        {
            foreach (var message in news.Where(n => !existing.Contains((deliveryId, n.EventKey))))
            {
                db.ThreadReplies.Add(new ThreadReply
                {
                    DeliveryId = deliveryId,
                    EventKey = message.EventKey,
                    Text = message.Text,
                    DueAt = now,
                    State = DeliveryState.Pending,
                    CreatedAt = now,
                });
            }
        }
    }
}
