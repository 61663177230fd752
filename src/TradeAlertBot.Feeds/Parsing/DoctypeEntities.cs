using System.Text.RegularExpressions;

namespace TradeAlertBot.Feeds.Parsing;

/// <summary>
/// Reads, as plain text and never through an XML parser, which entities a DOCTYPE declares, so that a refused
/// document can say whether it tried XXE (an external entity) or entity expansion (billion laughs).
/// </summary>
internal static partial class DoctypeEntities
{
    /// <summary>If the XML error at <paramref name="offset"/> is a use of an entity the DOCTYPE declares, names it.</summary>
    public static (string Name, bool External)? FindUse(string text, int offset)
    {
        var doctype = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (doctype < 0 || offset < 0)
        {
            return null;
        }

        var name = EntityReferenceAt(text, offset);
        if (name is null)
        {
            return null;
        }

        foreach (Match declaration in EntityDeclaration().Matches(text[doctype..Math.Min(text.Length, offset)]))
        {
            if (declaration.Groups["name"].Value == name)
            {
                return (name, declaration.Groups["external"].Success);
            }
        }

        return null;
    }

    private static string? EntityReferenceAt(string text, int offset)
    {
        // XmlReader reports the position of the name after '&'; look a little either side for "&name;".
        var from = Math.Max(0, offset - 64);
        var to = Math.Min(text.Length, offset + 64);
        foreach (Match reference in EntityReference().Matches(text[from..to]))
        {
            var start = from + reference.Index;
            if (start <= offset && offset <= start + reference.Length)
            {
                return reference.Groups[1].Value;
            }
        }

        return null;
    }

    [GeneratedRegex("""<!ENTITY\s+(?!%)(?<name>[^\s%>]+)\s+(?<external>SYSTEM|PUBLIC)?""")]
    private static partial Regex EntityDeclaration();

    [GeneratedRegex("""&([A-Za-z_:][A-Za-z0-9_:.\-]*);""")]
    private static partial Regex EntityReference();
}
