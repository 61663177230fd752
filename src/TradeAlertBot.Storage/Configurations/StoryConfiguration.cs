using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> story)
    {
        story.Property(s => s.Fingerprint).HasMaxLength(512);
        story.Property(s => s.Title).HasMaxLength(1000);
        story.Property(s => s.Link).HasMaxLength(2048);
        story.Property(s => s.Source).HasMaxLength(300);
        story.Property(s => s.Categories).HasMaxLength(2000);
        story.HasIndex(s => s.LastSeenAt);
        story.HasIndex(s => s.FirstSeenAt);
    }
}
