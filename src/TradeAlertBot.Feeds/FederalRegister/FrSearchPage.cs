namespace TradeAlertBot.Feeds.FederalRegister;

// The API's answers as far as the reader uses them (open_api_v3.yml; field names from the API's document and
// public inspection representations). Everything is optional: a missing field leaves a fact out; a field of the
// wrong JSON type fails the poll with a parse error.
/// <summary>A page of <c>documents.json</c>: count, total_pages, next_page_url (absent on the last page), results.</summary>
internal sealed record FrSearchPage(int? Count, int? TotalPages, string? NextPageUrl, IReadOnlyList<FrDocument>? Results);
