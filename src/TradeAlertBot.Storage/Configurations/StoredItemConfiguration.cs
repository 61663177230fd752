using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class StoredItemConfiguration : IEntityTypeConfiguration<StoredItem>
{
    public void Configure(EntityTypeBuilder<StoredItem> item)
    {
        item.ToTable("Items");
        item.Property(i => i.DedupeKey).HasMaxLength(2048);
        item.HasIndex(i => new { i.FeedId, i.DedupeKey }).IsUnique();
        item.Property(i => i.ContentHash).HasMaxLength(64);
        item.HasIndex(i => new { i.FeedId, i.ContentHash });
        item.HasIndex(i => i.FetchedAt);
        item.Property(i => i.Link).HasMaxLength(2048);
        item.Property(i => i.Title).HasMaxLength(1000);
        item.Property(i => i.Document).HasColumnName("DocumentJson")
            .HasConversion(d => OfficialDocumentJson.ToJson(d), json => OfficialDocumentJson.FromJson(json));
        item.HasOne(i => i.Feed).WithMany().HasForeignKey(i => i.FeedId).OnDelete(DeleteBehavior.Cascade);
        item.HasOne(i => i.Story).WithMany(s => s.Items).HasForeignKey(i => i.StoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
