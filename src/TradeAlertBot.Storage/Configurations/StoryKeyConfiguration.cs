using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class StoryKeyConfiguration : IEntityTypeConfiguration<StoryKey>
{
    public void Configure(EntityTypeBuilder<StoryKey> key)
    {
        key.Property(k => k.Key).HasMaxLength(200);
        // One story per trade action: a second node inserting the same key fails rather than founding a twin.
        key.HasIndex(k => k.Key).IsUnique();
        key.HasIndex(k => k.StoryId);
        key.HasOne(k => k.Story).WithMany().HasForeignKey(k => k.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
