using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> subscription)
    {
        subscription.Property(s => s.RuleName).HasMaxLength(100);
        subscription.Property(s => s.Country).HasMaxLength(8);
        subscription.Property(s => s.Product).HasMaxLength(100);
        subscription.Property(s => s.HsCode).HasMaxLength(16);
        subscription.HasIndex(s => s.RuleName);
        subscription.HasOne(s => s.Destination).WithMany(d => d.Subscriptions)
            .HasForeignKey(s => s.DestinationId).OnDelete(DeleteBehavior.Cascade);
    }
}
