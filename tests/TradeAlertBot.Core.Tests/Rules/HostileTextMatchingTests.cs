using System.Text;
using TradeAlertBot.Core.Categories;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Tests.Rules;

/// <summary>
/// One feed item must not exhaust CPU or memory: a body of one repeated word pair that satisfies a proximity
/// rule everywhere once cost 26 s and 4.9 GB at 100 KB through the default pack's anti-dumping rule.
/// </summary>
public class HostileTextMatchingTests
{
    private static readonly RuleSet Pack = RuleSet.Compile(DefaultRulePack.Load());

    private static string Repeated(string phrase, int bytes)
    {
        var text = new StringBuilder(bytes + phrase.Length);
        while (text.Length < bytes)
        {
            text.Append(phrase);
        }

        return text.ToString();
    }

    [Fact]
    public void A_100_KB_body_of_one_repeated_pair_classifies_with_bounded_evidence()
    {
        var document = Document.Create("Dumped duty", Repeated("dumped duty ", 100 * 1024));

        var match = Assert.Single(Pack.Match(document), m => m.Rule == "anti-dumping");

        Assert.InRange(match.Hits.Count, 2, RuleSet.MaxHitsPerRule);
        Assert.Equal((Field.Title, "Dumped"), (match.Hits[0].Field, match.Hits[0].Term));
    }

    [Fact]
    public void Matching_memory_grows_no_faster_than_the_body()
    {
        var small = Document.Create("", Repeated("dumped duty ", 10 * 1024));
        var large = Document.Create("", Repeated("dumped duty ", 100 * 1024));
        Pack.Match(small); // warm this thread's pooled working state

        var smallBytes = AllocatedBy(() => Pack.Match(small));
        var largeBytes = AllocatedBy(() => Pack.Match(large));

        // Ten times the text may cost at most ten times the memory (the pairwise way took a hundred times).
        Assert.True(largeBytes <= 10 * smallBytes, $"10 KB: {smallBytes:N0} B, 100 KB: {largeBytes:N0} B");
    }

    [Theory]
    [InlineData("NEAR", "tariff NEAR/2 steel", "steel tariff x x x x steel x x tariff", new[] { 0, 1 })]
    [InlineData("W/n", "tariff W/2 steel", "steel tariff x steel x x x tariff x steel", new[] { 1, 3, 7, 9 })]
    [InlineData("SAME", "tariff SAME steel", "steel x tariff. steel only here. tariff tariff steel", new[] { 0, 2, 6, 7, 8 })]
    public void Proximity_evidence_is_every_occurrence_with_a_partner(string name, string rule, string body, int[] words)
    {
        var match = Assert.Single(RuleSet.Compile([Rule.Parse("r", rule)]).Match(Document.Create("", body)));

        var tokens = Document.Create("", body).BodyWords;
        Assert.True(words.Select(w => tokens[w].Start).SequenceEqual(match.Hits.Select(h => h.Start)), name);
    }

    [Fact]
    public void Only_the_first_occurrences_of_a_term_count()
    {
        var body = Repeated("tariff ", 7 * (RuleSet.MaxOccurrencesPerTerm + 10)) + "steel";
        var set = RuleSet.Compile([Rule.Parse("r", "tariff NEAR/1 steel")]);

        Assert.Empty(set.Match(Document.Create("", body)));
        Assert.Single(set.Match(Document.Create("", "steel " + body)));
    }

    private static long AllocatedBy(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
