using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class RuleVersionConfiguration : IEntityTypeConfiguration<RuleVersion>
{
    public void Configure(EntityTypeBuilder<RuleVersion> version)
    {
        version.ToTable("RuleVersions");
        version.Property(v => v.RuleName).HasMaxLength(100);
        // Two nodes saving the same rule at once cannot both take the next number: one of them fails and says so.
        version.HasIndex(v => new { v.RuleName, v.Version }).IsUnique();
        version.Property(v => v.Change).HasConversion<string>().HasMaxLength(16);
        version.Property(v => v.Query).HasMaxLength(4000);
        version.Property(v => v.Author).HasMaxLength(200);
        version.Property(v => v.Reason).HasMaxLength(500);
    }
}
