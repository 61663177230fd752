using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Storage;

/// <summary>The bot's database (SQLite or PostgreSQL; the model itself names no provider).</summary>
public class TradeAlertDbContext(DbContextOptions<TradeAlertDbContext> options) : DbContext(options)
{
    public DbSet<Feed> Feeds => Set<Feed>();
    public DbSet<StoredItem> Items => Set<StoredItem>();
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<WatchRule> Rules => Set<WatchRule>();
    public DbSet<Destination> Destinations => Set<Destination>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<ChatAdmin> Admins => Set<ChatAdmin>();
    public DbSet<SlackWorkspace> SlackWorkspaces => Set<SlackWorkspace>();
    public DbSet<TeamsConversation> TeamsConversations => Set<TeamsConversation>();
    public DbSet<RevokedAdminSession> RevokedAdminSessions => Set<RevokedAdminSession>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<RuleVersion> RuleVersions => Set<RuleVersion>();
    public DbSet<WatchListEntry> WatchListEntries => Set<WatchListEntry>();
    public DbSet<StoryKey> StoryKeys => Set<StoryKey>();
    public DbSet<ThreadReply> ThreadReplies => Set<ThreadReply>();

    // Both providers' migration sets are compiled into this assembly; each context sees only its provider's set,
    // however it was configured (the host, the CLI, a test's own options).
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TradeAlertDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks everywhere so queries such as
        // "feeds due before now" translate the same on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        configurationBuilder.Properties<TimeSpan>().HaveConversion<TimeSpanTicksConverter>();
        configurationBuilder.Properties<DeliveryState>().HaveConversion<string>().HaveMaxLength(16);
    }
}
