using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class ChatAdminConfiguration : IEntityTypeConfiguration<ChatAdmin>
{
    public void Configure(EntityTypeBuilder<ChatAdmin> admin)
    {
        admin.Property(a => a.Platform).HasMaxLength(16);
        admin.Property(a => a.UserId).HasMaxLength(128);
        admin.Property(a => a.AddedBy).HasMaxLength(128);
        admin.Property(a => a.TeamId).HasMaxLength(64);
        admin.HasIndex(a => new { a.Platform, a.TeamId, a.UserId }).IsUnique();
    }
}
