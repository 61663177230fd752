using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TradeAlertBot.Core.Alerts;
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
        story.PrimitiveCollection(s => s.Categories).HasMaxLength(2000);
        story.PrimitiveCollection(s => s.Countries).HasMaxLength(2000);
        // One JSON column, read and written whole: the alert content is a Core record, not an entity of its own.
        story.Property(s => s.Content).HasColumnName("ClassificationJson").HasConversion(content => ToJson(content), json => FromJson(json));
        story.Property(s => s.Document).HasColumnName("DocumentJson")
            .HasConversion(d => OfficialDocumentJson.ToJson(d), json => OfficialDocumentJson.FromJson(json));
        story.HasIndex(s => s.EffectiveOn);
        story.HasIndex(s => s.CommentsCloseOn);
        story.HasIndex(s => s.LastSeenAt);
        story.HasIndex(s => s.FirstSeenAt);
    }

    private static string ToJson(AlertContent content) => JsonSerializer.Serialize(content);

    private static AlertContent FromJson(string json) => JsonSerializer.Deserialize<AlertContent>(json) ?? new AlertContent([], []);
}
