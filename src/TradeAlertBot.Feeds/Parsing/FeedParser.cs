using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// Parses RSS 0.90–2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 documents into sanitised <see cref="FeedItem"/>s.
/// Hostile input never reaches an unsafe XML reader: the bytes are decoded and loaded by <see cref="SafeXmlLoader"/>
/// (no DTD, no resolver, size, depth and item caps), and CodeHollow.FeedReader's feed model is built from that
/// one tree (<see cref="CodeHollowFeed"/>): CodeHollow's own XDocument.Parse would process a DTD.
/// </summary>
public sealed class FeedParser
{
    private readonly TimeProvider _timeProvider;
    private readonly FeedsOptions _options;

    /// <summary>A parser with the default limits of <see cref="FeedsOptions"/>.</summary>
    public FeedParser(TimeProvider timeProvider)
        : this(timeProvider, Options.Create(new FeedsOptions()))
    {
    }

    public FeedParser(TimeProvider timeProvider, IOptions<FeedsOptions> options)
    {
        _timeProvider = timeProvider;
        _options = options.Value;
    }

    /// <summary>Documents above this size are refused (the fetcher's default cap is 10 MiB).</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    public const int MaxTitleLength = FeedItemMapper.MaxTitleLength;

    public const int MaxBodyLength = FeedItemMapper.MaxBodyLength;

    /// <summary>Dates further than this ahead of now are dropped (clock skew and time zones need some slack).</summary>
    public static readonly TimeSpan FutureDateTolerance = TimeSpan.FromDays(1);

    /// <summary>Parses a whole document held in memory.</summary>
    /// <param name="content">The document's bytes, as received.</param>
    /// <param name="contentTypeCharset">The charset parameter of the HTTP Content-Type, if any.</param>
    /// <param name="documentUrl">Where the document came from, to resolve relative links; null when unknown.</param>
    /// <param name="ct">Checked between the steps and items of the work, so a deadline or shutdown stops it.</param>
    /// <exception cref="FeedParseException">The document is not a feed that can be read safely.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public ParsedFeed Parse(byte[] content, string? contentTypeCharset, Uri? documentUrl = null, CancellationToken ct = default)
    {
        if (content.Length == 0)
        {
            throw new FeedParseException(FeedParseErrorKind.Empty, "parse: document is empty");
        }

        if (content.Length > MaxDocumentBytes)
        {
            throw TooLarge();
        }

        var warnings = new List<string>();
        var text = XmlTextDecoder.Decode(content, contentTypeCharset, warnings);
        var limits = new XmlLimits(_options.MaxXmlDepth, _options.MaxItemsPerDocument);
        var document = SafeXmlLoader.Load(text, MaxDocumentBytes, limits, warnings, ct);
        return Read(document, documentUrl, warnings, ct);
    }

    private ParsedFeed Read(XDocument document, Uri? documentUrl, List<string> warnings, CancellationToken ct)
    {
        var root = document.Root!;
        var rootName = root.Name.LocalName;
        if (!rootName.Equals("rss", StringComparison.OrdinalIgnoreCase)
            && !rootName.Equals("rdf", StringComparison.OrdinalIgnoreCase)
            && !rootName.Equals("feed", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedParseException(
                FeedParseErrorKind.NotAFeed,
                $"parse: root element <{root.Name.LocalName}> is not rss, rdf:RDF or feed");
        }

        if (rootName.Equals("rss", StringComparison.OrdinalIgnoreCase))
        {
            if (root.Elements().All(e => e.Name.LocalName != "channel"))
            {
                return new ParsedFeed(null, []) { Warnings = [.. warnings, "rss: no channel element"] };
            }

            // CodeHollow dereferences the version attribute without a null check; RSS 0.9x and 2.0 share the shape.
            if (root.Attribute("version") is null)
            {
                root.SetAttributeValue("version", "2.0");
            }
        }

        CodeHollow.FeedReader.Feed feed;
        try
        {
            feed = CodeHollowFeed.From(document);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // CodeHollow signals shapes it does not expect with NullReferenceException or a bare Exception.
            throw new FeedParseException(FeedParseErrorKind.NotAFeed, $"parse: feed structure not understood: {e.Message}", e);
        }

        var html = new HtmlText(_options);
        var latest = _timeProvider.GetUtcNow() + FutureDateTolerance;
        var mapper = new FeedItemMapper(html, documentUrl, latest);
        var title = string.IsNullOrWhiteSpace(feed.Title) ? null : TextCleaner.Cap(html.ToPlainText(feed.Title), MaxTitleLength);
        var items = new List<FeedItem>(feed.Items.Count);
        foreach (var item in feed.Items)
        {
            ct.ThrowIfCancellationRequested();
            items.Add(mapper.Map(item));
        }

        return new ParsedFeed(title, items)
        {
            Ttl = ReadTtl(root),
            Warnings = warnings,
        };
    }

    private static TimeSpan? ReadTtl(XElement root)
    {
        var value = root.Element("channel")?.Element("ttl")?.Value.Trim();
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 60 * 24 * 30
            ? TimeSpan.FromMinutes(minutes)
            : null;
    }

    private static FeedParseException TooLarge() =>
        new(FeedParseErrorKind.TooLarge, $"parse: document exceeds the {MaxDocumentBytes / (1024 * 1024)} MiB cap");
}
