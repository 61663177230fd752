using System.Text.Json;
using TradeAlertBot.Core.Evaluation;
using TradeAlertBot.Core.Extraction;
using Xunit.Abstractions;

namespace TradeAlertBot.Core.Tests.Evaluation;

/// <summary>
/// Fact extraction on real text: corpus-facts.jsonl holds, for corpus items by id (never their text), the tariff
/// rates, rate changes ("from 35% to 15%", "to 10% from 20%"), percentage points, specific duties, countries and
/// effective dates a reader finds in them, checked by hand.
/// </summary>
public class CorpusFactsTests(ITestOutputHelper output)
{
    private const double Target = 0.9;

    [Fact]
    public void Rates_changes_specific_duties_countries_and_effective_dates_are_found_in_real_text()
    {
        var items = SharedCorpus.All.ToDictionary(i => i.Id);
        var found = new Dictionary<string, (int Found, int Expected)>();
        var misses = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Evaluation", "corpus-facts.jsonl")))
        {
            var expected = JsonSerializer.Deserialize<ExpectedFacts>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            var item = items[expected.Id];
            var facts = FactExtractor.Extract(item.Title, item.Body, item.Published ?? new DateOnly(2026, 1, 1));
            var tariff = facts.Rates.Where(r => r.IsTariffRate).ToList();

            Count("tariff rates", expected.Rates ?? [], v => tariff.Any(r => r.Unit == RateUnit.Percent && r.Value == v));
            Count("rate changes", expected.Changes ?? [], c => HasChange(tariff, c[0], c[1]));
            Count("percentage points", expected.Points ?? [], v => tariff.Any(r => r.Unit == RateUnit.PercentagePoints && r.Value == v));
            Count("specific duties", expected.Specific ?? [], s => tariff.Any(r => r.Unit == RateUnit.PerQuantity
                && r.Value == ((JsonElement)s[0]).GetDecimal() && r.Per == ((JsonElement)s[1]).GetString()));
            Count("countries", expected.Countries ?? [], c => facts.Countries.Contains(c));
            Count<DateOnly>("effective dates", expected.Effective is { } e ? [DateOnly.Parse(e)] : [], d => facts.Dates.Any(f => f.IsEffective && f.Date == d));

            void Count<T>(string kind, IEnumerable<T> wanted, Func<T, bool> isFound)
            {
                foreach (var want in wanted)
                {
                    var hit = isFound(want);
                    var (f, n) = found.GetValueOrDefault(kind);
                    found[kind] = (f + (hit ? 1 : 0), n + 1);
                    if (!hit)
                    {
                        misses.Add($"{expected.Id}: {kind} {JsonSerializer.Serialize(want)} not found");
                    }
                }
            }
        }

        foreach (var (kind, (f, n)) in found)
        {
            output.WriteLine($"{kind}: {f} of {n} found ({(double)f / n:0.00})");
        }

        misses.ForEach(output.WriteLine);
        Assert.All(found, k => Assert.True((double)k.Value.Found / k.Value.Expected >= Target,
            $"{k.Key}: {k.Value.Found} of {k.Value.Expected}\n{string.Join('\n', misses)}"));
    }

    private static bool HasChange(List<RateFact> rates, decimal from, decimal to)
    {
        var start = rates.FindIndex(r => r.Role == RateRole.From && r.Value == from);
        var end = rates.FindIndex(r => r.Role == RateRole.To && r.Value == to);
        return start >= 0 && end >= 0;
    }

    private sealed record ExpectedFacts(string Id, decimal[]? Rates, decimal[][]? Changes, decimal[]? Points,
        object[][]? Specific, string[]? Countries, string? Effective);
}
