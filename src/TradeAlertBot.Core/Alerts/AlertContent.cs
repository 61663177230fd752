using System.Globalization;
using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Alerts;

/// <summary>
/// The classification boiled down to what an alert shows: why (rules and their matched terms) and the facts as
/// labelled lines. Stored with the story so alerts render without re-classifying.
/// </summary>
public sealed record AlertContent(IReadOnlyList<AlertReason> Reasons, IReadOnlyList<AlertFact> Facts)
{
    public static AlertContent From(Classification.Classification classification)
    {
        var reasons = classification.Categories
            .Select(m => new AlertReason(m.Rule, [.. m.Hits.Select(h => h.Term).Distinct(StringComparer.OrdinalIgnoreCase)]))
            .ToList();
        return new AlertContent(reasons, FactLines(classification.Facts));
    }

    private static List<AlertFact> FactLines(ExtractedFacts facts)
    {
        var lines = new List<AlertFact>();
        var tariffRates = facts.Rates.Where(r => r.IsTariffRate).Select(Describe).Distinct().ToList();
        if (tariffRates.Count > 0)
        {
            lines.Add(new AlertFact("Rates", string.Join(", ", tariffRates)));
        }

        if (facts.Countries.Count > 0)
        {
            lines.Add(new AlertFact("Countries", string.Join(", ", facts.Countries)));
        }

        var products = facts.Products.Select(p => p.Name).Distinct().ToList();
        if (products.Count > 0)
        {
            lines.Add(new AlertFact("Products", string.Join(", ", products)));
        }

        if (facts.Amounts.Count > 0)
        {
            lines.Add(new AlertFact("Amounts", string.Join(", ", facts.Amounts.Select(a => a.Text).Distinct())));
        }

        var effective = facts.Dates.FirstOrDefault(d => d.IsEffective);
        if (effective is not null)
        {
            lines.Add(new AlertFact("Effective", DocumentFactLines.Day(effective.Date)));
        }

        return lines;
    }

    private static string Describe(RateFact rate)
    {
        var value = rate.Value.ToString("0.####", CultureInfo.InvariantCulture);
        var text = rate.Unit switch
        {
            RateUnit.Percent => value + "%",
            RateUnit.PercentagePoints => "+" + value + " pp",
            _ => $"{value} {rate.Currency} per {rate.Per}",
        };
        return rate.Role switch
        {
            RateRole.From => "from " + text,
            RateRole.To => "to " + text,
            _ => text,
        };
    }
}
