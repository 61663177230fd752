using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditLog");
        entry.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorLength);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        entry.Property(e => e.Target).HasMaxLength(AuditEntry.TargetLength);
        entry.Property(e => e.Before).HasMaxLength(AuditEntry.StateLength);
        entry.Property(e => e.After).HasMaxLength(AuditEntry.StateLength);
        entry.HasIndex(e => e.At); // newest first, --since, and pruning
        entry.HasIndex(e => new { e.Actor, e.At });
    }
}
