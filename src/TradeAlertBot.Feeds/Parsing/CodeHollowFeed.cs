using System.Xml.Linq;
using CodeHollow.FeedReader.Feeds;
using CodeHollowFeedModel = CodeHollow.FeedReader.Feed;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// Builds CodeHollow's feed model straight from the document <see cref="SafeXmlLoader"/> loaded, choosing the
/// format the way CodeHollow's own (internal) FeedParser.ParseFeedType does. Its string entry point would parse
/// the text twice more (once to detect the format, once to read it).
/// See https://github.com/arminreiter/FeedReader/blob/master/FeedReader/Parser/FeedParser.cs
/// </summary>
internal static class CodeHollowFeed
{
    public static CodeHollowFeedModel From(XDocument document)
    {
        var root = document.Root!;
        var name = root.Name.LocalName;
        BaseFeed feed;
        if (name.Equals("feed", StringComparison.OrdinalIgnoreCase))
        {
            feed = new AtomFeed("", root);
        }
        else if (name.Equals("rdf", StringComparison.OrdinalIgnoreCase))
        {
            feed = new Rss10Feed("", Channel(root));
        }
        else
        {
            var version = root.Attribute("version")?.Value ?? "2.0";
            feed = version.ToUpperInvariant() switch
            {
                "0.91" => new Rss091Feed("", Channel(root)),
                "0.92" => new Rss092Feed("", Channel(root)),
                "2.0" when root.Attribute(XNamespace.Xmlns + "media") is not null => new MediaRssFeed("", Channel(root)),
                _ => new Rss20Feed("", Channel(root)),
            };
        }

        return feed.ToFeed();
    }

    private static XElement? Channel(XElement root) => root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
}
