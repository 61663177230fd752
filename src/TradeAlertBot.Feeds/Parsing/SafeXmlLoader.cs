using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// Loads feed text into an <see cref="XDocument"/> with a reader that cannot be attacked through its DTD: DOCTYPEs
/// are skipped unread (DtdProcessing.Ignore), nothing is ever resolved (XmlResolver = null), so an entity declared
/// in a DTD is undeclared when used (XXE and billion laughs fail at once), size is capped, and nesting depth and
/// item count are checked by a streaming pass (<see cref="XmlShapeCheck"/>) before the tree is built.
/// See https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html#net
/// </summary>
internal static class SafeXmlLoader
{
    public static XDocument Load(string text, int maxCharacters, XmlLimits limits, List<string> warnings, CancellationToken ct)
    {
        if (text.Length > maxCharacters)
        {
            throw new FeedParseException(
                FeedParseErrorKind.TooLarge,
                $"parse: document has {text.Length:N0} characters, more than the cap of {maxCharacters:N0}");
        }

        text = RepairHarmlessDamage(text, warnings);
        RefuseObviousNonXml(text);

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            CheckCharacters = true,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 64 * 1024,
            IgnoreProcessingInstructions = true,
            IgnoreComments = true,
        };

        try
        {
            using (var shape = XmlReader.Create(new StringReader(text), settings))
            {
                XmlShapeCheck.Check(shape, limits.MaxDepth, limits.MaxItems, ct);
            }

            ct.ThrowIfCancellationRequested();
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var document = XDocument.Load(reader, LoadOptions.None);

            // Ignore already keeps the DOCTYPE out of the tree; removing any node left is belt and braces, because the
            // document is serialised again for CodeHollow, whose XDocument.Parse would process a DTD.
            document.DocumentType?.Remove();
            return document;
        }
        catch (XmlException e)
        {
            throw Classify(text, e);
        }
    }

    private static string RepairHarmlessDamage(string text, List<string> warnings)
    {
        // Whitespace before the declaration (stray newlines from PHP includes) is fatal to XML but says nothing.
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (start > 0 && text.AsSpan(start).StartsWith("<?xml", StringComparison.Ordinal))
        {
            warnings.Add("xml: removed whitespace before the XML declaration");
            text = text[start..];
        }

        // Raw C0 controls (U+000F in Stack Overflow's feed) are not allowed in XML 1.0 and carry no text; feedparser
        // and CodeHollow drop them. References such as &#x1; still fail, because CheckCharacters stays on.
        var invalid = CountInvalidXmlChars(text);
        if (invalid == 0)
        {
            return text;
        }

        warnings.Add($"xml: removed {invalid} character(s) not allowed in XML 1.0");
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int CountInvalidXmlChars(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                count++;
            }
        }

        return count;
    }

    private static void RefuseObviousNonXml(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            throw new FeedParseException(FeedParseErrorKind.Empty, "parse: document is empty");
        }

        if (trimmed[0] != '<')
        {
            var what = trimmed[0] is '{' or '[' ? "JSON or plain text" : "plain text";
            throw new FeedParseException(
                FeedParseErrorKind.NotAFeed,
                $"parse: document is not XML (it starts with '{trimmed[0]}', probably {what})");
        }

        if (trimmed.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedParseException(
                FeedParseErrorKind.NotAFeed,
                "parse: document is an HTML page, not a feed (a login, error or bot-check page?)");
        }
    }

    private static FeedParseException Classify(string text, XmlException e)
    {
        var offset = XmlPosition.ToOffset(text, e.LineNumber, e.LinePosition);
        var where = $"line {e.LineNumber}, column {e.LinePosition}";

        var entity = DoctypeEntities.FindUse(text, offset);
        if (entity is not null)
        {
            return entity.Value.External
                ? new FeedParseException(
                    FeedParseErrorKind.ExternalEntity,
                    $"parse: document uses the external entity '{entity.Value.Name}' declared in its DTD at {where} (refused: XXE)",
                    e)
                : new FeedParseException(
                    FeedParseErrorKind.EntityExpansion,
                    $"parse: document uses the entity '{entity.Value.Name}' declared in its DTD at {where} (refused: entities are never expanded)",
                    e);
        }

        // Nothing complete (no '>') follows the error: the download was cut off.
        if (offset >= 0 && text.AsSpan(offset).IndexOf('>') < 0)
        {
            return new FeedParseException(
                FeedParseErrorKind.Truncated,
                $"parse: document ends before it is complete at {where} (truncated download?)",
                e);
        }

        return new FeedParseException(FeedParseErrorKind.InvalidXml, $"parse: invalid XML: {e.Message}", e);
    }
}
