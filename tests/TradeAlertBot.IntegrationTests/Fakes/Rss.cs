using System.Globalization;
using System.Security;

namespace TradeAlertBot.IntegrationTests.Fakes;

/// <summary>Builds small RSS 2.0 documents for the feed server.</summary>
internal static class Rss
{
    public sealed record Item(string Guid, string Title, string Body, DateTimeOffset? Published = null);

    public static string Feed(string title, params Item[] items)
    {
        var entries = string.Concat(items.Select(i =>
            $"<item><guid>{Esc(i.Guid)}</guid><title>{Esc(i.Title)}</title><link>https://news.example.com/{Esc(i.Guid)}</link>" +
            $"<description>{Esc(i.Body)}</description>" +
            (i.Published is { } p ? $"<pubDate>{p.ToString("r", CultureInfo.InvariantCulture)}</pubDate>" : "") +
            "</item>"));
        return $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{Esc(title)}</title>" +
               $"<link>https://news.example.com/</link><description>test</description>{entries}</channel></rss>";
    }

    private static string Esc(string text) => SecurityElement.Escape(text);
}
