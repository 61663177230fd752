using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class SlackWorkspaceConfiguration : IEntityTypeConfiguration<SlackWorkspace>
{
    public void Configure(EntityTypeBuilder<SlackWorkspace> workspace)
    {
        workspace.Property(w => w.TeamId).HasMaxLength(32);
        workspace.HasIndex(w => w.TeamId).IsUnique();
        workspace.Property(w => w.Name).HasMaxLength(200);
        workspace.Property(w => w.ProtectedBotToken).HasMaxLength(2000);
        workspace.Property(w => w.BotUserId).HasMaxLength(32);
        workspace.Property(w => w.BrokenReason).HasMaxLength(500);
    }
}
