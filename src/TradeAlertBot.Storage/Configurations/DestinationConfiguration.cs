using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class DestinationConfiguration : IEntityTypeConfiguration<Destination>
{
    public void Configure(EntityTypeBuilder<Destination> destination)
    {
        destination.Property(d => d.Kind).HasMaxLength(32);
        destination.Property(d => d.Address).HasMaxLength(512);
        destination.HasIndex(d => new { d.Kind, d.Address }).IsUnique();
        destination.Property(d => d.Name).HasMaxLength(200);
        destination.Property(d => d.PausedReason).HasMaxLength(500);
        destination.Property(d => d.TeamId).HasMaxLength(32);
        destination.Property(d => d.ProtectedSecret).HasMaxLength(4096);
        destination.Property(d => d.Digest).HasMaxLength(32);
        destination.Property(d => d.TimeZone).HasMaxLength(64);
        destination.Property(d => d.QuietHours).HasMaxLength(16);
        destination.Property(d => d.Remind).HasMaxLength(8);
    }
}
