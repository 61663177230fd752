using System.Globalization;
using System.Text.Json;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Feeds.Parsing;

namespace TradeAlertBot.Feeds.FederalRegister;

/// <summary>
/// Turns the API's documents into <see cref="FeedItem"/>s carrying their <see cref="OfficialDocument"/>: text is
/// cleaned and capped as the feed parser does, links kept only when http(s), dates read leniently (a bad one is left out).
/// </summary>
internal static class FederalRegisterMapper
{
    public const string GuidPrefix = "fr:";
    public const string PublicInspectionGuidPrefix = "fr-pi:";
    private const int MaxListLength = 50;
    private const int MaxFactLength = 200;

    public static FeedItem? FromDocument(FrDocument document)
    {
        if (Number(document.DocumentNumber) is not { } number)
        {
            return null;
        }

        var publication = Date(document.PublicationDate);
        var official = new OfficialDocument(
            number,
            FederalRegisterTypes.Parse(document.Type),
            AgencyNames(document.Agencies),
            publication,
            OnPublicInspection: false,
            Date(document.EffectiveOn),
            Date(document.CommentsCloseOn),
            CfrReferences(document.CfrReferences),
            Texts(document.DocketIds),
            CorrectedNumber(document.CorrectionOf) is { } corrected ? [corrected] : []);
        return new FeedItem(
            GuidPrefix + number,
            SafeLink.Resolve(document.HtmlUrl, null),
            Text(document.Title, FeedParser.MaxTitleLength),
            Text(document.Abstract, FeedParser.MaxBodyLength),
            publication is { } day ? new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero) : null,
            Author: null)
        {
            Document = official,
        };
    }

    public static FeedItem? FromPublicInspection(FrPublicInspectionDocument document)
    {
        if (Number(document.DocumentNumber) is not { } number)
        {
            return null;
        }

        var publication = Date(document.PublicationDate);
        var agencies = AgencyNames(document.Agencies);
        var official = new OfficialDocument(
            number,
            FederalRegisterTypes.Parse(document.Type),
            agencies,
            publication,
            OnPublicInspection: true,
            EffectiveOn: null,
            CommentsCloseOn: null,
            CfrReferences: [],
            Texts(document.DocketNumbers),
            RelatedDocumentNumbers: []);

        // Public inspection gives no abstract: the body says what the document is and when it will be published.
        var type = Text(document.Type, MaxFactLength);
        var body = $"{(type.Length > 0 ? type : "Document")} of {(agencies.Count > 0 ? string.Join("; ", agencies) : "an agency")}, on public inspection"
            + (publication is { } day ? $"; to be published in the Federal Register on {Core.Alerts.DocumentFactLines.Day(day)}." : ".")
            + (Text(document.EditorialNote, MaxFactLength * 5) is { Length: > 0 } note ? "\n\n" + note : "");
        return new FeedItem(
            PublicInspectionGuidPrefix + number,
            SafeLink.Resolve(document.HtmlUrl, null) ?? SafeLink.Resolve(document.PdfUrl, null),
            Text(document.Title, FeedParser.MaxTitleLength),
            body,
            DateTimeOffset.TryParse(document.FiledAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var filed) ? filed : null,
            Author: null)
        {
            Document = official,
        };
    }

    /// <summary>The agency slugs of a document, to match a source's <c>conditions[agencies][]</c>.</summary>
    public static IEnumerable<string> Slugs(IReadOnlyList<FrAgency>? agencies) =>
        (agencies ?? []).Select(a => a.Slug).OfType<string>();

    private static IReadOnlyList<string> AgencyNames(IReadOnlyList<FrAgency>? agencies) =>
        Texts((agencies ?? []).Select(a => a.Name ?? a.RawName).ToList());

    private static IReadOnlyList<string> CfrReferences(IReadOnlyList<FrCfrReference>? references) =>
        [.. (references ?? []).Select(r => (Title: Scalar(r.Title), Part: Scalar(r.Part)))
            .Where(r => r.Title is not null)
            .Select(r => r.Part is null ? $"{r.Title} CFR" : $"{r.Title} CFR {r.Part}")
            .Distinct()
            .Take(MaxListLength)];

    // correction_of is the corrected document's API URL (…/documents/2025-01234.json).
    private static string? CorrectedNumber(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var last = uri.Segments[^1];
        return Number(last.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? last[..^5] : last);
    }

    private static string? Scalar(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } number => Text(number.GetRawText(), 20),
        { ValueKind: JsonValueKind.String } text => Text(text.GetString(), 20) is { Length: > 0 } s ? s : null,
        _ => null,
    };

    private static string? Number(string? number) =>
        Text(number, 40) is { Length: > 0 } n && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') ? n : null;

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static IReadOnlyList<string> Texts(IReadOnlyList<string?>? values) =>
        [.. (values ?? []).Select(v => Text(v, MaxFactLength)).Where(v => v.Length > 0).Distinct().Take(MaxListLength)];

    private static string Text(string? text, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? "" : TextCleaner.Cap(TextCleaner.CollapseWhitespace(text), maxLength);
}
