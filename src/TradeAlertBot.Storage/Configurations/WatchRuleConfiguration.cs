using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class WatchRuleConfiguration : IEntityTypeConfiguration<WatchRule>
{
    public void Configure(EntityTypeBuilder<WatchRule> rule)
    {
        rule.ToTable("Rules");
        rule.Property(r => r.Name).HasMaxLength(100);
        rule.HasIndex(r => r.Name).IsUnique();
        rule.Property(r => r.Query).HasMaxLength(4000);
        rule.Property(r => r.CreatedBy).HasMaxLength(200);
    }
}
