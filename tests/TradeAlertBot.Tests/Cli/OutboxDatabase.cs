using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Cli;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Cli;

/// <summary>
/// A temporary SQLite database with two destinations and one delivery in each state: "slack:C0DESK" (ok) holds
/// pending, sending (claimed now), sent, failed and dead rows; "teams-webhook:…" (paused) holds two held pending
/// rows, a dead one and a sent one; "console:stdout" is muted, on a digest and has no deliveries.
/// </summary>
internal sealed class OutboxDatabase : IDisposable
{
    public const string Desk = "slack:C0DESK";
    public const string Webhook = "teams-webhook:https://hooks.example.com/workflows/1";

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tab-outbox-{Guid.NewGuid():n}.db");

    public Dictionary<string, long> Ids { get; } = [];

    public static async Task<OutboxDatabase> CreateAsync()
    {
        var database = new OutboxDatabase();
        await database.SeedAsync();
        return database;
    }

    public Task<CliRun> RunAsync(params string[] args) => CliRun.InvokeWithDatabaseAsync(Path, "", args);

    public async Task<TradeAlertDbContext> OpenAsync()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Default"] = $"Data Source={Path}" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var console = new CliConsole(TextReader.Null, TextWriter.Null, TextWriter.Null, new FakeTimeProvider(CliRun.Now), configuration);
        return await console.OpenDatabaseAsync(CancellationToken.None);
    }

    public async Task<Delivery> DeliveryAsync(string key)
    {
        await using var db = await OpenAsync();
        return await db.Deliveries.AsNoTracking().SingleAsync(d => d.Id == Ids[key]);
    }

    public async Task<Destination> DestinationAsync(string key)
    {
        await using var db = await OpenAsync();
        return await db.Destinations.AsNoTracking().SingleAsync(d => d.Id == Ids[key]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path);
    }

    private async Task SeedAsync()
    {
        var now = CliRun.Now;
        var desk = new Destination
        {
            Kind = "slack", Address = "C0DESK", Name = "trade-desk",
            Subscriptions = [new Subscription { RuleName = "new-tariffs" }, new Subscription { RuleName = "export-controls" }],
        };
        var webhook = new Destination
        {
            Kind = "teams-webhook", Address = "https://hooks.example.com/workflows/1", Name = "Teams Workflows webhook",
            Paused = true, PausedReason = "teams: webhook gone (404)", PausedAt = now.AddMinutes(-30),
            Subscriptions = [new Subscription { RuleName = "new-tariffs" }],
        };
        var quiet = new Destination
        {
            Kind = "console", Address = "stdout", MutedUntil = now.AddHours(2), Digest = "daily 08:00", NextDigestAt = now.AddHours(20),
        };

        var rows = new (string Key, Destination Destination, DeliveryState State, int Attempts, string? Error)[]
        {
            ("desk-pending", desk, DeliveryState.Pending, 0, null),
            ("desk-sending", desk, DeliveryState.Sending, 1, null),
            ("desk-sent", desk, DeliveryState.Sent, 1, null),
            ("desk-failed", desk, DeliveryState.Failed, 3, "slack: HTTP 500 from chat.postMessage"),
            ("desk-dead", desk, DeliveryState.Dead, 8, "slack: channel_not_found"),
            ("hook-held-1", webhook, DeliveryState.Pending, 1, "teams: webhook gone (404)"),
            ("hook-held-2", webhook, DeliveryState.Pending, 0, null),
            ("hook-dead", webhook, DeliveryState.Dead, 8, "teams: webhook gone (404)"),
            ("hook-sent", webhook, DeliveryState.Sent, 1, null),
        };

        await using var db = await OpenAsync();
        db.Destinations.AddRange(desk, webhook, quiet);
        var deliveries = rows.Select((r, i) => (r.Key, Delivery: new Delivery
        {
            Story = Story(i, $"Story {i}: {r.Key} tariff notice"),
            Destination = r.Destination,
            RuleName = "new-tariffs",
            State = r.State,
            Attempts = r.Attempts,
            LastError = r.Error,
            CreatedAt = now.AddHours(-1).AddMinutes(i),
            SentAt = r.State == DeliveryState.Sent ? now.AddMinutes(-50) : null,
            MessageId = r.State == DeliveryState.Sent ? $"msg-{i}" : null,
            ClaimedUntil = r.State == DeliveryState.Sending ? now.AddMinutes(1) : null,
        })).ToList();
        db.Deliveries.AddRange(deliveries.Select(d => d.Delivery));
        await db.SaveChangesAsync();

        (Ids["desk"], Ids["webhook"], Ids["quiet"]) = (desk.Id, webhook.Id, quiet.Id);
        foreach (var (key, delivery) in deliveries)
        {
            Ids[key] = delivery.Id;
        }
    }

    private static Story Story(int i, string title) => new()
    {
        Fingerprint = $"fp-{i}", Title = title, Source = "USTR", Summary = "summary", Categories = ["new-tariffs"],
        FirstSeenAt = CliRun.Now.AddHours(-1), LastSeenAt = CliRun.Now.AddHours(-1),
    };
}
