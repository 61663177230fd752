using System.Globalization;

namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>
/// A Federal Register source: a <c>documents.json</c> search URL under the API's base, as built with the search on
/// federalregister.gov. Its conditions are kept verbatim; the reader adds the order, page size and fields it needs.
/// </summary>
/// <param name="Url">The source URL as stored on the feed.</param>
/// <param name="Agencies">Its <c>conditions[agencies][]</c> slugs (e.g. industry-and-security-bureau).</param>
/// <param name="Types">Its <c>conditions[type][]</c> codes (RULE, PRORULE, NOTICE, PRESDOCU).</param>
public sealed record FederalRegisterSource(Uri Url, IReadOnlyList<string> Agencies, IReadOnlyList<string> Types)
{
    public const string SearchPath = "documents.json";

    public const string PublicInspectionPath = "public-inspection-documents/current.json";

    /// <summary>What the reader asks for: what an item and its <see cref="Core.Items.OfficialDocument"/> are made of.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "document_number", "type", "title", "abstract", "html_url", "publication_date", "effective_on",
        "comments_close_on", "agencies", "cfr_references", "docket_ids", "correction_of",
    ];

    // Set by the reader on every request: a user's own values would change what "newest first, paged" means.
    private static readonly HashSet<string> ReaderParameters = ["fields[]", "order", "per_page", "page"];

    /// <summary>True when <paramref name="url"/> is the API's document search under <paramref name="baseUrl"/>.</summary>
    public static bool IsSearch(Uri url, Uri baseUrl) =>
        url.IsAbsoluteUri
        && string.Equals(url.GetLeftPart(UriPartial.Path), new Uri(baseUrl, SearchPath).AbsoluteUri, StringComparison.OrdinalIgnoreCase);

    public static Uri PublicInspectionUrl(Uri baseUrl) => new(baseUrl, PublicInspectionPath);

    public static FederalRegisterSource Parse(Uri url)
    {
        var agencies = new List<string>();
        var types = new List<string>();
        foreach (var (name, value, _) in Pairs(url))
        {
            if (name == "conditions[agencies][]" && value.Length > 0)
            {
                agencies.Add(value);
            }
            else if (name == "conditions[type][]" && value.Length > 0)
            {
                types.Add(value.ToUpperInvariant());
            }
        }

        return new FederalRegisterSource(url, agencies, types);
    }

    /// <summary>The first page to ask for: the source's conditions, newest first, <paramref name="perPage"/> a page, with <see cref="Fields"/>.</summary>
    public Uri FirstPage(int perPage)
    {
        var kept = Pairs(Url).Where(p => !ReaderParameters.Contains(p.Name)).Select(p => p.Raw);
        var added = Fields.Select(f => "fields%5B%5D=" + f)
            .Append("order=newest")
            .Append("per_page=" + perPage.ToString(CultureInfo.InvariantCulture));
        return new Uri(Url.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', kept.Concat(added)));
    }

    /// <summary>Whether a public inspection document of these agencies (slugs) and type (its display name) belongs to this source.</summary>
    public bool Covers(IEnumerable<string> agencySlugs, string? type)
    {
        var agencyMatches = Agencies.Count == 0 || agencySlugs.Any(s => Agencies.Contains(s, StringComparer.OrdinalIgnoreCase));
        var typeMatches = Types.Count == 0 || (FederalRegisterTypes.Code(type) is { } code && Types.Contains(code));
        return agencyMatches && typeMatches;
    }

    private static IEnumerable<(string Name, string Value, string Raw)> Pairs(Uri url)
    {
        foreach (var raw in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = raw.IndexOf('=');
            var name = Decode(equals < 0 ? raw : raw[..equals]);
            var value = equals < 0 ? "" : Decode(raw[(equals + 1)..]);
            yield return (name, value.Trim(), raw);
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
