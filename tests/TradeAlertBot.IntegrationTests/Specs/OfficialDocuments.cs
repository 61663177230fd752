using Hangfire;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Ingest;
using TradeAlertBot.Storage;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// One export-control rule's way through the Federal Register, as the reader hands it to the ingest (FeedItems with
/// their Document): on public inspection, published (effective a month later), then corrected.
/// </summary>
internal static class OfficialDocuments
{
    public const string Number = "2026-23456";
    public const string CorrectionNumber = "2026-23999";
    private const string Title = "Additions to the Entity List";
    private const string Abstract = "The Bureau of Industry and Security amends the Export Administration Regulations by adding 12 entities " +
        "under destinations of China to the Entity List, imposing a licence requirement on exports of items subject to the EAR.";

    private static readonly OfficialDocument Rule = new(Number, OfficialDocumentType.Rule, ["Industry and Security Bureau"],
        new DateOnly(2026, 12, 3), OnPublicInspection: true, EffectiveOn: null, CommentsCloseOn: null, ["15 CFR 744"], ["BIS-2026-0042"], []);

    public static readonly FeedItem OnInspection = new($"fr-pi:{Number}", $"https://www.federalregister.gov/public-inspection/{Number}",
        Title, Abstract, new DateTimeOffset(2026, 12, 2, 13, 0, 0, TimeSpan.Zero), null) { Document = Rule };

    public static readonly FeedItem Published = new($"fr:{Number}", $"https://www.federalregister.gov/d/{Number}",
        Title, Abstract, new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero), null)
    { Document = Rule with { OnPublicInspection = false, EffectiveOn = new DateOnly(2027, 1, 2) } };

    public static readonly FeedItem Correction = new($"fr:{CorrectionNumber}", $"https://www.federalregister.gov/d/{CorrectionNumber}",
        "Additions to the Entity List; Correction", "This document corrects the addresses of two entities added to the Entity List. " + Abstract,
        new DateTimeOffset(2026, 12, 10, 5, 0, 0, TimeSpan.Zero), null)
    {
        Document = new OfficialDocument(CorrectionNumber, OfficialDocumentType.Rule, ["Industry and Security Bureau"], new DateOnly(2026, 12, 10),
            false, new DateOnly(2027, 1, 2), null, ["15 CFR 744"], [], [Number]),
    };

    /// <summary>Ingests the items as a poll of <paramref name="feedId"/> would, and enqueues their alerts' jobs.</summary>
    public static async Task IngestAsync(TradeAlertBotFactory host, long feedId, params FeedItem[] items)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>();
        var feed = await db.Feeds.SingleAsync(f => f.Id == feedId);
        var result = await host.Services.GetRequiredService<ItemIngestor>().IngestAsync(db, feed, items, 500, CancellationToken.None);
        var jobs = host.Services.GetRequiredService<IBackgroundJobClient>();
        foreach (var id in result.DeliveriesToSend)
        {
            jobs.Enqueue<DeliverJob>(job => job.RunAsync(id, CancellationToken.None));
        }
    }
}
