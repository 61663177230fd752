using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class WatchListEntryConfiguration : IEntityTypeConfiguration<WatchListEntry>
{
    public void Configure(EntityTypeBuilder<WatchListEntry> entry)
    {
        entry.Property(e => e.HsCode).HasMaxLength(10);
        entry.Property(e => e.Product).HasMaxLength(100);
        entry.Property(e => e.Country).HasMaxLength(8);
        entry.Property(e => e.Label).HasMaxLength(WatchListEntry.MaxLabelLength);
        entry.HasIndex(e => e.DestinationId);
        entry.HasOne(e => e.Destination).WithMany(d => d.WatchList)
            .HasForeignKey(e => e.DestinationId).OnDelete(DeleteBehavior.Cascade);
    }
}
