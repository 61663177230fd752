using System.Xml;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// A streaming pass over the document before anything is built from it: refuses element nesting deeper than a
/// limit and more items than a limit. Building a tree (and CodeHollow's and AngleSharp's work on it) grows faster
/// than linearly with depth: a 700 KB document nested 100,000 deep took 83 s to load. This pass holds only a
/// counter, so its cost is linear in the document and bounded by the size cap.
/// </summary>
internal static class XmlShapeCheck
{
    private static readonly HashSet<string> ItemElements = new(StringComparer.OrdinalIgnoreCase) { "item", "entry" };

    /// <exception cref="FeedParseException">TooDeep or TooManyItems.</exception>
    /// <exception cref="XmlException">The document is not well-formed (the caller classifies it).</exception>
    public static void Check(XmlReader reader, int maxDepth, int maxItems, CancellationToken ct)
    {
        var items = 0;
        var nodes = 0;
        while (reader.Read())
        {
            if ((++nodes & 1023) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            // Depth counts from 0 at the root element; an element at Depth d is the (d + 1)th level.
            if (reader.Depth >= maxDepth)
            {
                var info = (IXmlLineInfo)reader;
                throw new FeedParseException(
                    FeedParseErrorKind.TooDeep,
                    $"parse: elements nest deeper than {maxDepth} levels at line {info.LineNumber}, column {info.LinePosition} (limit Feeds:MaxXmlDepth)");
            }

            if (ItemElements.Contains(reader.LocalName) && ++items > maxItems)
            {
                throw new FeedParseException(
                    FeedParseErrorKind.TooManyItems,
                    $"parse: document holds more than {maxItems:N0} items (limit Feeds:MaxItemsPerDocument)");
            }
        }
    }
}
