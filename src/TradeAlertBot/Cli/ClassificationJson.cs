using System.Text.Json;
using System.Text.Json.Serialization;
using TradeAlertBot.Core.Classification;
using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Cli;

/// <summary>The JSON shape <c>classify</c> prints; field names are part of the CLI's contract.</summary>
internal sealed record ClassificationJson(
    [property: JsonPropertyOrder(-1)] JsonElement? Id,
    IReadOnlyList<CategoryJson> Categories,
    FactsJson Facts,
    string Fingerprint)
{
    public static ClassificationJson From(JsonElement? id, Classification c) => new(
        id,
        [.. c.Categories.Select(m => new CategoryJson(m.Rule, [.. m.Hits.Select(TermJson.From)]))],
        FactsJson.From(c.Facts),
        c.Fingerprint.ToString());
}

internal sealed record CategoryJson(string Name, IReadOnlyList<TermJson> Matches);

internal sealed record TermJson(string Term, string Field, int Start, int End)
{
    public static TermJson From(TermHit hit) =>
        new(hit.Term, hit.Field == Core.Rules.Field.Title ? "title" : "body", hit.Start, hit.End);
}

internal sealed record FactsJson(
    IReadOnlyList<RateJson> Rates,
    IReadOnlyList<MoneyJson> Amounts,
    IReadOnlyList<string> Countries,
    IReadOnlyList<ProductJson> Products,
    IReadOnlyList<DateJson> Dates)
{
    public static FactsJson From(ExtractedFacts f) => new(
        [.. f.Rates.Select(r => new RateJson(
            r.Text,
            r.Value,
            r.Unit switch { RateUnit.Percent => "percent", RateUnit.PercentagePoints => "percentage-points", _ => "per-quantity" },
            r.Role switch { RateRole.From => "from", RateRole.To => "to", _ => null },
            r.IsTariffRate,
            r.Currency,
            r.Per))],
        [.. f.Amounts.Select(a => new MoneyJson(a.Text, a.Value, a.Currency))],
        f.Countries,
        [.. f.Products.Select(p => new ProductJson(p.Name, p.Text, p.HsCode))],
        [.. f.Dates.Select(d => new DateJson(d.Text, d.Date.ToString("yyyy-MM-dd"), d.IsEffective))]);
}

internal sealed record RateJson(string Text, decimal Value, string Unit, string? Role, bool TariffRate, string? Currency, string? Per);

internal sealed record MoneyJson(string Text, decimal Value, string Currency);

internal sealed record ProductJson(string Name, string Text, string? HsCode);

internal sealed record DateJson(string Text, string Date, bool Effective);

internal sealed record ClassifyError(JsonElement? Id, string Error);
