using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Shared;

/// <summary>Sends a dead or failed delivery again (chat's <c>replay</c> and the admin page); never one already sent.</summary>
public sealed class DeliveryReplay(TradeAlertDbContext db, TimeProvider time, AuditLog audit)
{
    /// <summary>Replays one delivery unless it was sent; says what happened, in plain text.</summary>
    /// <exception cref="UsageException">There is no such delivery.</exception>
    public async Task<string> ReplayAsync(long id, AuditActor actor, CancellationToken ct)
    {
        var state = await db.Deliveries.Where(d => d.Id == id).Select(d => (DeliveryState?)d.State).FirstOrDefaultAsync(ct)
            ?? throw new UsageException($"There is no delivery {id}.");
        if (state == DeliveryState.Sent)
        {
            return $"Delivery {id} was sent already; replaying it would post the alert twice, so it is left alone.";
        }

        // The replay is a set-based UPDATE outside the change tracker: it and its audit entry share a transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var replayed = await Deliveries.OutboxReplay.ReplayAsync(db, [id], time.GetUtcNow(), ct);
        if (replayed == 1)
        {
            audit.Stage(actor, AuditAction.Replay, $"delivery {id}", state.ToString()!.ToLowerInvariant(), "pending");
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return replayed == 1
            ? $"Delivery {id} goes out again with the next sweep (within a few minutes)."
            : $"Delivery {id} is being sent right now; nothing to replay.";
    }
}
