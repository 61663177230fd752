using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class ThreadReplyConfiguration : IEntityTypeConfiguration<ThreadReply>
{
    public void Configure(EntityTypeBuilder<ThreadReply> reply)
    {
        // The exactly-once key: one message per alert and event, whatever retries, replans or nodes do.
        reply.HasIndex(r => new { r.DeliveryId, r.EventKey }).IsUnique();
        reply.HasIndex(r => new { r.State, r.DueAt });
        reply.Property(r => r.EventKey).HasMaxLength(200);
        reply.Property(r => r.Text).HasMaxLength(2000);
        reply.Property(r => r.MessageId).HasMaxLength(200);
        reply.Property(r => r.LastError).HasMaxLength(ErrorText.MaxLength);
        reply.HasOne(r => r.Delivery).WithMany().HasForeignKey(r => r.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
