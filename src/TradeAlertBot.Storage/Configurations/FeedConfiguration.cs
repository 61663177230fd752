using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class FeedConfiguration : IEntityTypeConfiguration<Feed>
{
    public void Configure(EntityTypeBuilder<Feed> feed)
    {
        feed.Property(f => f.Url).HasMaxLength(2048);
        feed.HasIndex(f => f.Url).IsUnique();
        feed.HasIndex(f => new { f.Enabled, f.NextPollAt });
        feed.Property(f => f.Title).HasMaxLength(1000);
        feed.Property(f => f.ETag).HasMaxLength(1000);
        feed.Property(f => f.LastModified).HasMaxLength(200);
        feed.Property(f => f.LastStatus).HasMaxLength(200);
        feed.Property(f => f.LastError).HasMaxLength(ErrorText.MaxLength);
        feed.Property(f => f.DisabledReason).HasMaxLength(500);
    }
}
