using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> delivery)
    {
        // The exactly-once key: one alert per story and destination, whatever retries or nodes do.
        delivery.HasIndex(d => new { d.StoryId, d.DestinationId }).IsUnique();
        delivery.HasIndex(d => d.State);
        delivery.Property(d => d.RuleName).HasMaxLength(100);
        delivery.Property(d => d.MessageId).HasMaxLength(200);
        delivery.Property(d => d.LastError).HasMaxLength(ErrorText.MaxLength);
        delivery.Property(d => d.HeldFor).HasMaxLength(16);
        delivery.Property(d => d.WatchLine).HasMaxLength(Delivery.MaxWatchLine);
        delivery.HasIndex(d => new { d.DestinationId, d.State });
        delivery.HasOne(d => d.Story).WithMany().HasForeignKey(d => d.StoryId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasOne(d => d.Destination).WithMany().HasForeignKey(d => d.DestinationId).OnDelete(DeleteBehavior.Cascade);
    }
}
