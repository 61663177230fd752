using System.Xml;
using System.Xml.Linq;

namespace TradeAlertBot.Cli;

/// <summary>OPML 2.0 feed lists (http://opml.org/spec2.opml): the outlines with an xmlUrl are feeds.</summary>
internal static class Opml
{
    public sealed record Outline(string Url, string? Title);

    /// <summary>Reads feed outlines at any depth (folders are flattened). DTDs are refused: no entity tricks.</summary>
    public static IReadOnlyList<Outline> Read(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(stream, settings);
        var document = XDocument.Load(reader);
        if (document.Root?.Name.LocalName != "opml")
        {
            throw new FormatException("opml: the root element is not <opml>");
        }

        return [.. document.Descendants("outline")
            .Select(o => (Url: (string?)o.Attribute("xmlUrl"), Title: (string?)o.Attribute("title") ?? (string?)o.Attribute("text")))
            .Where(o => !string.IsNullOrWhiteSpace(o.Url))
            .Select(o => new Outline(o.Url!.Trim(), o.Title))];
    }

    public static string Write(IEnumerable<Outline> feeds, DateTimeOffset created)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"),
                new XElement("head",
                    new XElement("title", "TradeAlertBot feeds"),
                    new XElement("dateCreated", created.ToString("r"))),
                new XElement("body", feeds.Select(f => new XElement("outline",
                    new XAttribute("type", "rss"),
                    new XAttribute("text", f.Title ?? f.Url),
                    new XAttribute("title", f.Title ?? f.Url),
                    new XAttribute("xmlUrl", f.Url))))));
        using var writer = new Utf8StringWriter();
        document.Save(writer);
        return writer.ToString();
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
