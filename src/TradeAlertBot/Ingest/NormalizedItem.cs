using TradeAlertBot.Core.Items;

namespace TradeAlertBot.Ingest;

/// <summary>A feed item ready to store: clean link, trimmed text and its dedupe keys.</summary>
/// <param name="Document">The official record behind the item (a Federal Register document); null for a news article.</param>
internal sealed record NormalizedItem(string DedupeKey, string ContentHash, string? Link, string Title, string Body, DateTimeOffset? Published,
    OfficialDocument? Document = null)
{
    public static NormalizedItem From(FeedItem item)
    {
        var link = item.Link is null ? null : LinkCleaner.Clean(item.Link);
        var title = item.Title.Trim();
        var body = item.Body.Trim();
        // A document's state is part of its content: the published text equals the public-inspection copy's, and
        // must not be dropped as already known.
        var hash = Core.Items.ContentHash.Compute(title, item.Document is { } document ? body + "\n" + State(document) : body);
        var key = !string.IsNullOrWhiteSpace(item.Guid) ? "guid:" + item.Guid.Trim()
            : link is not null ? "link:" + link
            : "hash:" + hash;
        return new NormalizedItem(key, hash, link, title, body, item.Published, item.Document);
    }

    private static string State(OfficialDocument d) =>
        $"{d.DocumentNumber}|{d.OnPublicInspection}|{d.PublicationDate:yyyy-MM-dd}|{d.EffectiveOn:yyyy-MM-dd}|{d.CommentsCloseOn:yyyy-MM-dd}";
}
