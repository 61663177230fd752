using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage.Configurations;

internal sealed class TeamsConversationConfiguration : IEntityTypeConfiguration<TeamsConversation>
{
    public void Configure(EntityTypeBuilder<TeamsConversation> conversation)
    {
        conversation.Property(c => c.ConversationId).HasMaxLength(512);
        conversation.HasIndex(c => c.ConversationId).IsUnique();
        conversation.Property(c => c.ServiceUrl).HasMaxLength(512);
        conversation.Property(c => c.TenantId).HasMaxLength(64);
        conversation.Property(c => c.ConversationType).HasMaxLength(32);
        conversation.Property(c => c.TeamName).HasMaxLength(200);
        conversation.Property(c => c.ChannelName).HasMaxLength(200);
    }
}
