using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// The answers of <see cref="FakeFederalRegister"/>, shaped after the API's description (search: count, description,
/// total_pages, next_page_url, previous_page_url, results; documents: the fields of its document and public
/// inspection representations). Written for these tests, not copied from real responses.
/// </summary>
internal static class FakeFrJson
{
    public static JsonObject Search(List<FakeFrDocument> matches, IQueryCollection query, Func<int, string> pageUrl, string[] defaultFields, Uri baseUrl)
    {
        var perPage = Math.Clamp(Number(query["per_page"], 20), 1, 1000);
        var page = Math.Max(1, Number(query["page"], 1));
        var fields = query["fields[]"].OfType<string>().Where(f => f.Length > 0).ToArray() is { Length: > 0 } asked ? asked : defaultFields;
        var result = new JsonObject { ["count"] = matches.Count, ["description"] = "Documents matching the fake's conditions" };
        var totalPages = (matches.Count + perPage - 1) / perPage;
        var shown = matches.Skip((page - 1) * perPage).Take(perPage).ToList();
        if (matches.Count > 0 && shown.Count > 0)
        {
            result["total_pages"] = totalPages;
            if (page < totalPages)
            {
                result["next_page_url"] = pageUrl(page + 1);
            }

            if (page > 1)
            {
                result["previous_page_url"] = pageUrl(page - 1);
            }

            result["results"] = new JsonArray([.. shown.Select(d => Select(Document(d, baseUrl), fields))]);
        }

        return result;
    }

    public static JsonObject PublicInspection(List<FakeFrDocument> documents, Uri baseUrl) => new()
    {
        ["count"] = documents.Count,
        ["results"] = new JsonArray([.. documents.Select(d => (JsonNode)InspectionDocument(d, baseUrl))]),
    };

    private static JsonObject Document(FakeFrDocument d, Uri baseUrl) => new()
    {
        ["title"] = d.Title,
        ["type"] = d.Type,
        ["abstract"] = d.Abstract,
        ["document_number"] = d.DocumentNumber,
        ["html_url"] = new Uri(baseUrl, $"/documents/{d.PublicationDate:yyyy/MM/dd}/{d.DocumentNumber}/fake").AbsoluteUri,
        ["pdf_url"] = new Uri(baseUrl, $"/documents/{d.DocumentNumber}.pdf").AbsoluteUri,
        ["public_inspection_pdf_url"] = null,
        ["publication_date"] = Day(d.PublicationDate),
        ["effective_on"] = d.EffectiveOn is { } e ? Day(e) : null,
        ["comments_close_on"] = d.CommentsCloseOn is { } c ? Day(c) : null,
        ["agencies"] = Agencies(d, baseUrl),
        ["cfr_references"] = new JsonArray([.. d.CfrReferences.Select(r => (JsonNode)new JsonObject
        {
            ["title"] = r.Title, ["part"] = r.Part, ["chapter"] = "VII", ["citation_url"] = null,
        })]),
        ["docket_ids"] = new JsonArray([.. d.DocketIds.Select(id => (JsonNode)JsonValue.Create(id))]),
        ["correction_of"] = d.CorrectionOf is { } corrected ? new Uri(baseUrl, $"documents/{corrected}.json").AbsoluteUri : null,
        ["corrections"] = new JsonArray(),
        ["excerpts"] = null,
    };

    private static JsonObject InspectionDocument(FakeFrDocument d, Uri baseUrl) => new()
    {
        ["agencies"] = Agencies(d, baseUrl),
        ["agency_names"] = new JsonArray([.. d.Agencies.Select(a => (JsonNode)JsonValue.Create(a.Name))]),
        ["docket_numbers"] = new JsonArray([.. d.DocketIds.Select(id => (JsonNode)JsonValue.Create(id))]),
        ["document_number"] = d.DocumentNumber,
        ["editorial_note"] = null,
        ["filed_at"] = (d.FiledAt ?? new DateTimeOffset(d.PublicationDate.AddDays(-1), new TimeOnly(8, 45), TimeSpan.FromHours(-5))).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        ["filing_type"] = "regular",
        ["html_url"] = new Uri(baseUrl, $"/public-inspection/{d.DocumentNumber}/fake").AbsoluteUri,
        ["json_url"] = new Uri(baseUrl, $"public-inspection-documents/{d.DocumentNumber}.json").AbsoluteUri,
        ["num_pages"] = 12,
        ["pdf_url"] = new Uri(baseUrl, $"/public-inspection/{d.DocumentNumber}.pdf").AbsoluteUri,
        ["publication_date"] = Day(d.PublicationDate),
        ["type"] = d.Type,
        ["title"] = d.Title,
        ["toc_subject"] = null,
        ["toc_doc"] = d.Title,
    };

    private static JsonArray Agencies(FakeFrDocument d, Uri baseUrl) =>
        new([.. d.Agencies.Select((a, i) => (JsonNode)new JsonObject
        {
            ["raw_name"] = a.Name.ToUpperInvariant(),
            ["name"] = a.Name,
            ["id"] = 100 + i,
            ["url"] = new Uri(baseUrl, $"/agencies/{a.Slug}").AbsoluteUri,
            ["json_url"] = new Uri(baseUrl, $"agencies/{100 + i}.json").AbsoluteUri,
            ["parent_id"] = null,
            ["slug"] = a.Slug,
        })]);

    private static JsonNode Select(JsonObject document, string[] fields)
    {
        var selected = new JsonObject();
        foreach (var field in fields)
        {
            if (document.TryGetPropertyValue(field, out var value))
            {
                selected[field] = value?.DeepClone();
            }
        }

        return selected;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Number(Microsoft.Extensions.Primitives.StringValues value, int fallback) =>
        int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
