using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class RevokedAdminSessionConfiguration : IEntityTypeConfiguration<RevokedAdminSession>
{
    public void Configure(EntityTypeBuilder<RevokedAdminSession> session)
    {
        session.HasKey(s => s.SessionId);
        session.Property(s => s.SessionId).HasMaxLength(64);
        session.HasIndex(s => s.ExpiresAt);
    }
}
