using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Threads;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Deliveries.Threads;

/// <summary>
/// Keeps a sent alert's reminder rows (<see cref="ThreadReply"/>, <see cref="ThreadReply.IsReminder"/>) in step with
/// its action's dates and its channel's <c>remind</c> setting (<see cref="ReminderPlan"/>): new future reminders are
/// staged, unsent ones move or go, sent ones stay. Run when an alert is first sent, when a later document moves the
/// dates and when the channel changes its setting. Staged only: the caller saves.
/// </summary>
public static class ReminderPlanner
{
    /// <summary>Replans the reminders of <paramref name="deliveries"/> (their Story loaded) to <paramref name="destination"/>.</summary>
    public static async Task PlanAsync(TradeAlertDbContext db, Destination destination, IReadOnlyList<Delivery> deliveries, DateTimeOffset now, CancellationToken ct)
    {
        var threaded = deliveries.Where(d => d.State == DeliveryState.Sent && d.MessageId is not null && d.Story is not null).ToList();
        if (threaded.Count == 0)
        {
            return;
        }

        var ids = threaded.Select(d => d.Id).ToList();
        var stored = await db.ThreadReplies.Where(r => ids.Contains(r.DeliveryId) && r.IsReminder).ToListAsync(ct);
        var settings = ReminderSettings.From(destination.Remind, destination.RemindComments);
        var zone = destination.Zone();
        foreach (var delivery in threaded)
        {
            var wanted = ReminderPlan.For(delivery.Story!.EffectiveOn, delivery.Story.CommentsCloseOn, settings, zone);
            var mine = stored.Where(r => r.DeliveryId == delivery.Id).ToList();
            foreach (var row in mine.Where(r => r.State is DeliveryState.Pending or DeliveryState.Failed))
            {
                var plan = wanted.FirstOrDefault(w => w.EventKey == row.EventKey);
                if (plan is null || (plan.DueAt <= now && plan.DueAt != row.DueAt))
                {
                    db.ThreadReplies.Remove(row); // no longer asked for, or its new time has passed
                }
                else
                {
                    (row.DueAt, row.Text) = (plan.DueAt, plan.Text); // an overdue row at its own time is just late: kept
                }
            }

            foreach (var plan in wanted.Where(w => w.DueAt > now && mine.All(r => r.EventKey != w.EventKey)))
            {
                db.ThreadReplies.Add(new ThreadReply
                {
                    DeliveryId = delivery.Id,
                    EventKey = plan.EventKey,
                    Text = plan.Text,
                    IsReminder = true,
                    DueAt = plan.DueAt,
                    State = DeliveryState.Pending,
                    CreatedAt = now,
                });
            }
        }
    }
}
