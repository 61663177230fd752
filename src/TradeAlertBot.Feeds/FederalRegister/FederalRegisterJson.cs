using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeAlertBot.Feeds.FederalRegister;

// The API's answers as far as the reader uses them (open_api_v3.yml; field names from the API's document and
// public inspection representations). Everything is optional: a missing field leaves a fact out, never fails a poll.

/// <summary>A page of <c>documents.json</c>: count, total_pages, next_page_url (absent on the last page), results.</summary>
internal sealed record FrSearchPage(int? Count, int? TotalPages, string? NextPageUrl, IReadOnlyList<FrDocument>? Results);

internal sealed record FrDocument(
    string? DocumentNumber,
    string? Type,
    string? Title,
    string? Abstract,
    string? HtmlUrl,
    string? PublicationDate,
    string? EffectiveOn,
    string? CommentsCloseOn,
    IReadOnlyList<FrAgency>? Agencies,
    IReadOnlyList<FrCfrReference>? CfrReferences,
    IReadOnlyList<string?>? DocketIds,
    string? CorrectionOf);

/// <summary>An agency as a document names it; <c>raw_name</c> alone when the API knows no agency record for it.</summary>
internal sealed record FrAgency(string? Name, string? RawName, string? Slug);

/// <summary>A CFR title and part ("15", "744"); numbers in the API, read as numbers or strings.</summary>
internal sealed record FrCfrReference(JsonElement? Title, JsonElement? Part);

/// <summary><c>public-inspection-documents/current.json</c>: every document on public inspection now.</summary>
internal sealed record FrPublicInspectionPage(int? Count, IReadOnlyList<FrPublicInspectionDocument>? Results);

internal sealed record FrPublicInspectionDocument(
    string? DocumentNumber,
    string? Type,
    string? Title,
    IReadOnlyList<FrAgency>? Agencies,
    string? PublicationDate,
    string? FiledAt,
    string? HtmlUrl,
    string? PdfUrl,
    IReadOnlyList<string?>? DocketNumbers,
    string? EditorialNote);

/// <summary>Source-generated (de)serialisation; a shallow depth cap, since the API's answers nest four levels at most.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, MaxDepth = 16)]
[JsonSerializable(typeof(FrSearchPage))]
[JsonSerializable(typeof(FrPublicInspectionPage))]
internal sealed partial class FederalRegisterJsonContext : JsonSerializerContext;
