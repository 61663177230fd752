using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Hosting;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Teams;

namespace TradeAlertBot.Tests.Cli;

/// <summary>
/// A SQLite installation with rows in every table, written through the real model: feeds with validators and a
/// lease, rules, destinations with subscriptions (one a Workflows webhook whose URL is encrypted), a story with
/// categories, countries, content and two items, its deliveries, an admin, a Slack workspace with an encrypted
/// token, a Teams conversation, a revoked admin session, an audit entry and a rule version. Times carry sub-millisecond ticks and texts non-ASCII.
/// </summary>
internal sealed class FilledDatabase : IDisposable
{
    public const string BotToken = "xoxb-1111-2222-copy-test";
    public const string WebhookUrl = "https://prod.example.logic.azure.com/workflows/abc/triggers/manual/run?sig=s3cret";

    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"tab-copy-{Guid.NewGuid():n}");

    private FilledDatabase() => Directory.CreateDirectory(_folder);

    public string ConnectionString => $"Data Source={Path.Combine(_folder, "tradealertbot.db")}";

    /// <summary>This installation's key ring, as a node started with its DataProtection:KeysPath would open it.</summary>
    public IDataProtectionProvider KeyRing() => SecretProtection.Create(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["DataProtection:KeysPath"] = Path.Combine(_folder, "keys") })
        .Build());

    public static async Task<FilledDatabase> CreateAsync()
    {
        var database = new FilledDatabase();
        await using var db = Open(database.ConnectionString);
        await db.MigrateUnderLockAsync(CancellationToken.None);
        database.Fill(db);
        await db.SaveChangesAsync();
        return database;
    }

    /// <summary>A context on a database of either provider, configured as the service configures it.</summary>
    public static TradeAlertDbContext Open(string connectionString)
    {
        var provider = connectionString.StartsWith("Data Source=", StringComparison.Ordinal) ? StorageOptions.Sqlite : StorageOptions.Postgres;
        var options = new DbContextOptionsBuilder<TradeAlertDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new StorageOptions { Provider = provider }, connectionString);
        return new TradeAlertDbContext(options.Options);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private void Fill(TradeAlertDbContext db)
    {
        var wire = new Feed
        {
            Url = "https://trade.example.org/wire.rss", Title = "Trade Wire — Zölle & Märkte", CreatedAt = Now.AddDays(-30),
            ETag = "W/\"abc\"", LastModified = "Mon, 30 Nov 2026 09:00:00 GMT", Interval = TimeSpan.FromMinutes(15).Add(TimeSpan.FromTicks(7)),
            LastFetchedAt = Now, LastSuccessAt = Now, NextPollAt = Now.AddMinutes(15), LastStatus = "200 OK",
            PollingUntil = Now.AddMinutes(1), LeaseToken = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        };
        var gone = new Feed
        {
            Url = "https://gone.example.org/feed.xml", Enabled = false, DisabledReason = "410 Gone", CreatedAt = Now.AddDays(-9),
            NextPollAt = Now.AddDays(1), ConsecutiveErrors = 4, LastError = "fetch: 410 Gone",
        };
        db.Feeds.AddRange(wire, gone);
        db.Rules.AddRange(
            new WatchRule { Name = "new-tariffs", Query = "tariff* AND (impose OR raise)", IsCategory = true, UpdatedAt = Now.AddDays(-30) },
            new WatchRule { Name = "steel-watch", Query = "\"steel\" NEAR/5 duty", CreatedBy = "slack:U0ADMIN", UpdatedAt = Now });

        var desk = new Destination
        {
            Kind = "slack", Address = "T0COPY/C0DESK", Name = "trade-desk", TeamId = "T0COPY", Digest = "daily 08:00", Remind = "3d", RemindComments = true,
            TimeZone = "Europe/Berlin", NextDigestAt = Now.AddHours(20), QuietHours = "22:00-07:00", StormWindowStart = Now,
            StormWindowCount = 3, NextSendAt = Now.AddSeconds(1),
            Subscriptions =
            [
                new Subscription { RuleName = "new-tariffs", Country = "CN", Product = "steel", HsCode = "7208" },
                new Subscription { RuleName = "steel-watch" },
                new Subscription { RuleName = "watchlist" },
            ],
            WatchList =
            [
                new WatchListEntry { HsCode = "854143", Country = "CN", Label = "solar cells, \"bifacial\"", CreatedAt = Now.AddDays(-1) },
                new WatchListEntry { Product = "steel", CreatedAt = Now },
            ],
        };
        var webhook = new WebhookSecrets(KeyRing()).NewDestination(WebhookUrl, "Teams Workflows webhook");
        webhook.Pause("teams: webhook gone (404)", Now);
        webhook.MutedUntil = Now.AddHours(2);
        webhook.StormUntil = Now.AddMinutes(10);
        webhook.Subscriptions = [new Subscription { RuleName = "new-tariffs", Country = "US" }];
        db.Destinations.AddRange(desk, webhook);

        var story = new Story
        {
            Fingerprint = "steel|tariff|cn|us", Title = "US raises tariffs on Chinese steel to 50 %", Link = "https://trade.example.org/a/1",
            Source = "Trade Wire", Summary = "Washington will impose a 50 % tariff on steel from China from 1 Jan.",
            FirstSeenAt = Now.AddHours(-1), LastSeenAt = Now, Published = Now.AddHours(-2), OutletCount = 2,
            Categories = ["new-tariffs", "steel-watch"], Countries = ["CN", "US"],
            Content = new AlertContent([new AlertReason("new-tariffs", ["tariff", "impose"])], [new AlertFact("Rates", "50%"), new AlertFact("Countries", "CN, US")]),
            Document = new OfficialDocument("2026-23456", OfficialDocumentType.Rule, ["Industry and Security Bureau"], new DateOnly(2026, 12, 3), false,
                new DateOnly(2027, 1, 2), null, ["15 CFR 744"], ["BIS-2026-0042"], []),
            EffectiveOn = new DateOnly(2027, 1, 2), Revision = 2,
        };
        db.Stories.Add(story);
        db.StoryKeys.AddRange(new StoryKey { Story = story, Key = "fr:2026-23456" }, new StoryKey { Story = story, Key = "docket:BIS-2026-0042" });
        db.Items.AddRange(
            new StoredItem { Feed = wire, Story = story, DedupeKey = "guid:1", ContentHash = "h1", Link = story.Link, Title = story.Title, Body = story.Summary, Published = story.Published, FetchedAt = Now.AddHours(-1) },
            new StoredItem { Feed = gone, Story = story, DedupeKey = "https://gone.example.org/2", ContentHash = "h2", Title = "Steel duties: 50 % on Chinese imports", Body = "…", FetchedAt = Now });
        db.Deliveries.AddRange(
            new Delivery { Story = story, Destination = desk, RuleName = "new-tariffs", State = DeliveryState.Sent, Attempts = 1, AttemptedAt = Now.AddMinutes(-59), CreatedAt = Now.AddHours(-1), SentAt = Now.AddMinutes(-59), MessageId = "1733045100.000200", OutletsShown = 2, RevisionShown = 2, WatchLine = "steel" },
            new Delivery { Story = story, Destination = webhook, RuleName = "new-tariffs", State = DeliveryState.Pending, Attempts = 2, CreatedAt = Now.AddHours(-1), HeldFor = "mute", SlotAt = Now.AddMinutes(5), LastError = "teams: webhook gone (404)" });

        db.ThreadReplies.Add(new ThreadReply
        {
            Delivery = db.Deliveries.Local.First(d => d.MessageId is not null), EventKey = "remind:effective:2027-01-02:before",
            Text = "Reminder: takes effect in 1 day (2 Jan 2027).", IsReminder = true, DueAt = Now.AddDays(31), State = DeliveryState.Pending, CreatedAt = Now,
        });

        db.Admins.Add(new ChatAdmin { Platform = "slack", UserId = "U0ADMIN", TeamId = "T0COPY", AddedBy = "settings", AddedAt = Now });
        db.SlackWorkspaces.Add(new SlackWorkspace
        {
            TeamId = "T0COPY", Name = "Copy & Co", BotUserId = "U0BOT", InstalledAt = Now.AddDays(-3),
            ProtectedBotToken = KeyRing().CreateProtector("TradeAlertBot.Slack.BotToken").Protect(BotToken),
        });
        db.TeamsConversations.Add(new TeamsConversation
        {
            ConversationId = "19:abc@thread.tacv2", ServiceUrl = "https://smba.trafficmanager.net/emea/", TenantId = "tenant-1",
            ConversationType = "channel", TeamName = "Trade", ChannelName = "Alerts", InstalledAt = Now.AddDays(-2), RemovedAt = Now,
        });
        db.RevokedAdminSessions.Add(new RevokedAdminSession { SessionId = "session-0123456789abcdef", ExpiresAt = Now.AddHours(8) });
        db.AuditLog.Add(new AuditEntry
        {
            At = Now, Actor = "slack:T0COPY/U0ADMIN", Action = AuditAction.RuleEdit, Target = "rule:new-tariffs",
            Before = "tariff* AND impose", After = "tariff* AND (impose OR raise)",
        });
        db.RuleVersions.Add(new RuleVersion
        {
            RuleName = "new-tariffs", Version = 2, Change = RuleChange.Edited, Query = "tariff* AND (impose OR raise)",
            Author = "web:admin/0f8fad5b", At = Now, Reason = "Zölle: also raises",
        });
    }
}
