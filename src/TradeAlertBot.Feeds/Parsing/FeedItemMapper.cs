using System.Xml.Linq;
using TradeAlertBot.Core.Items;
using CodeHollowItem = CodeHollow.FeedReader.FeedItem;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>Turns one CodeHollow item into a sanitised <see cref="FeedItem"/>, reading what CodeHollow misses from its element.</summary>
internal sealed class FeedItemMapper(HtmlText html, Uri? documentUrl, DateTimeOffset latestPlausibleDate)
{
    public const int MaxTitleLength = 1_000;
    public const int MaxBodyLength = 100 * 1024;
    public const int MaxAuthorLength = 200;
    public const int MaxGuidLength = 1_000;

    // Item-level date elements in the order they are preferred; matched by local name in any namespace
    // (RSS pubDate, Atom published/updated, Atom 0.3 issued/modified/created, Dublin Core date).
    private static readonly string[] DateElements = ["pubDate", "published", "issued", "date", "created", "updated", "modified"];

    public FeedItem Map(CodeHollowItem item)
    {
        var element = item.SpecificItem?.Element;
        var title = Plain(item.Title, MaxTitleLength);
        var body = Plain(FirstNonBlank(item.Content, item.Description, ChildValue(element, "description", Namespaces.Media)), MaxBodyLength);
        var link = SafeLink.Resolve(item.Link, element is null ? documentUrl : SafeLink.BaseFor(element, documentUrl));
        var guid = Identifier(item.Id);
        var author = Identifier(FirstNonBlank(item.Author, ChildValue(element, "creator", Namespaces.DublinCore), AtomAuthorName(element)));
        return new FeedItem(
            guid,
            link,
            title,
            body,
            PublishedDate(item, element),
            author is null ? null : TextCleaner.Cap(author, MaxAuthorLength));
    }

    private string Plain(string? text, int maxLength) =>
        string.IsNullOrEmpty(text) ? "" : TextCleaner.Cap(html.ToPlainText(text), maxLength);

    private static string? Identifier(string? text)
    {
        var cleaned = text is null ? "" : TextCleaner.CollapseWhitespace(text);
        return cleaned.Length == 0 ? null : TextCleaner.Cap(cleaned, MaxGuidLength);
    }

    private DateTimeOffset? PublishedDate(CodeHollowItem item, XElement? element)
    {
        var candidates = new List<string?> { item.PublishingDateString };
        if (element is not null)
        {
            candidates.AddRange(DateElements.SelectMany(name => element.Elements().Where(e => e.Name.LocalName == name).Select(e => e.Value)));
        }

        foreach (var candidate in candidates)
        {
            if (FeedDateParser.Parse(candidate) is { } date)
            {
                // A date far ahead would pin the item to the top of every list; treat it as unknown.
                return date > latestPlausibleDate ? null : date;
            }
        }

        return null;
    }

    private static string? ChildValue(XElement? element, string localName, XNamespace ns) =>
        element?.Descendants(ns + localName).FirstOrDefault()?.Value;

    private static string? AtomAuthorName(XElement? element) =>
        element?.Elements().FirstOrDefault(e => e.Name.LocalName == "author")?.Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value;

    private static string? FirstNonBlank(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static class Namespaces
    {
        public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
        public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    }
}
