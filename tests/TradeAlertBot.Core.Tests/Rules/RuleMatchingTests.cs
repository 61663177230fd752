using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Tests.Rules;

public class RuleMatchingTests
{
    private static bool Matches(string rule, string body, string title = "") =>
        RuleSet.Compile([Rule.Parse("r", rule)]).Match(Document.Create(title, body)).Count == 1;

    [Theory]
    [InlineData("word", "tariff", "New tariff on steel", true)]
    [InlineData("word is case-insensitive", "TARIFF", "new Tariff on steel", true)]
    [InlineData("word is whole-word", "tariff", "tariffs on steel", false)]
    [InlineData("wildcard", "tariff*", "tariffs on steel", true)]
    [InlineData("wildcard British", "licen*", "export licences", true)]
    [InlineData("wildcard American", "licen*", "export licenses", true)]
    [InlineData("phrase", "\"export licence\"", "an export licence is needed", true)]
    [InlineData("phrase in order only", "\"export licence\"", "a licence to export", false)]
    [InlineData("phrase with wildcard", "\"export licen*\"", "new export licensing rules", true)]
    [InlineData("typographic quotes", "\u201Cexport ban\u201D", "an export ban on rice", true)]
    [InlineData("diacritics fold", "cafe", "Caf\u00e9 exports", true)]
    [InlineData("diacritics fold in rule", "Z\u00f6lle", "neue Zolle", true)]
    [InlineData("dashes fold", "\"anti-dumping\"", "anti\u2013dumping duties", true)]
    [InlineData("hyphenated word is a phrase", "anti-dumping", "anti dumping duties", true)]
    [InlineData("possessive dropped", "china", "China's curbs", true)]
    [InlineData("initialism", "\"U.S.\"", "the US said", true)]
    [InlineData("AND", "tariff AND steel", "a tariff on steel", true)]
    [InlineData("AND needs both", "tariff AND steel", "a tariff on copper", false)]
    [InlineData("implicit AND", "tariff steel", "steel faces a tariff", true)]
    [InlineData("OR", "copper OR steel", "a tariff on steel", true)]
    [InlineData("NOT", "tariff NOT electricity", "electricity tariff rises", false)]
    [InlineData("NOT passes", "tariff NOT electricity", "steel tariff rises", true)]
    [InlineData("AND NOT", "tariff AND NOT electricity", "steel tariff rises", true)]
    [InlineData("lower-case and is a word", "tariff and steel", "tariff and steel", true)]
    [InlineData("lower-case and must occur", "tariff and steel", "tariff on steel", false)]
    [InlineData("parentheses", "(copper OR steel) AND tariff", "steel tariff", true)]
    [InlineData("precedence: AND over OR", "copper OR steel AND tariff", "copper prices", true)]
    [InlineData("precedence: AND over OR 2", "copper OR steel AND tariff", "steel prices", false)]
    [InlineData("NEAR within", "tariff NEAR/3 steel", "tariff on Chinese steel", true)]
    [InlineData("NEAR either order", "tariff NEAR/3 steel", "steel faces a tariff", true)]
    [InlineData("NEAR too far", "tariff NEAR/2 steel", "tariff on imported Chinese steel", false)]
    [InlineData("NEAR default 5", "tariff NEAR steel", "tariff on a b c steel", true)]
    [InlineData("W/n in order", "tariff W/3 steel", "tariff on Chinese steel", true)]
    [InlineData("W/n wrong order", "tariff W/3 steel", "steel faces a tariff", false)]
    [InlineData("NEAR with OR group", "(duty OR tariff) NEAR/2 steel", "duty on steel", true)]
    [InlineData("NEAR with phrase", "\"export ban\" NEAR/3 rice", "India's export ban on rice", true)]
    [InlineData("SAME sentence", "tariff SAME steel", "A tariff was set. It covers many goods including steel", false)]
    [InlineData("SAME sentence match", "tariff SAME steel", "A tariff on many goods including steel. Other news", true)]
    [InlineData("ATLEAST", "ATLEAST3 tariff", "tariff tariff tariff", true)]
    [InlineData("ATLEAST too few", "ATLEAST3 tariff", "tariff and tariff", false)]
    public void Operators_match_as_documented(string name, string rule, string body, bool expected)
    {
        Assert.True(expected == Matches(rule, body), name);
    }

    [Theory]
    [InlineData("title:tariff", "Tariff news", "nothing here", true)]
    [InlineData("title:tariff", "News", "a tariff in the body", false)]
    [InlineData("body:(tariff AND steel)", "tariff", "steel only", false)]
    [InlineData("body:(tariff AND steel)", "x", "tariff on steel", true)]
    [InlineData("tariff NEAR/2 steel", "tariff", "steel", false)]
    public void Field_scopes_and_proximity_stay_within_a_field(string rule, string title, string body, bool expected)
    {
        Assert.Equal(expected, Matches(rule, body, title));
    }

    [Fact]
    public void A_match_reports_the_matched_terms_with_spans_into_the_source()
    {
        const string body = "China imposed new export licences on gallium.";
        var match = Assert.Single(RuleSet.Compile([Rule.Parse("ec", "\"export licen*\" AND gallium NOT copper")])
            .Match(Document.Create("Curbs", body)));

        Assert.Equal("ec", match.Rule);
        Assert.Equal(["export licences", "gallium"], match.Hits.Select(h => h.Term));
        Assert.All(match.Hits, h => Assert.Equal(h.Term, body[h.Start..h.End]));
        Assert.All(match.Hits, h => Assert.Equal(Field.Body, h.Field));
    }

    [Fact]
    public void Evidence_lists_every_matching_alternative_and_title_hits_first()
    {
        var match = Assert.Single(RuleSet.Compile([Rule.Parse("t", "tariff* OR duties")])
            .Match(Document.Create("Tariffs rise", "New duties and tariffs.")));

        Assert.Equal([(Field.Title, "Tariffs"), (Field.Body, "duties"), (Field.Body, "tariffs")], match.Hits.Select(h => (h.Field, h.Term)));
    }

    [Fact]
    public void Only_matching_rules_are_returned_in_rule_order()
    {
        var set = RuleSet.Compile([Rule.Parse("b-steel", "steel"), Rule.Parse("a-copper", "copper"), Rule.Parse("c-tariff", "tariff")]);

        var matches = set.Match(Document.Create("", "tariff on steel"));

        Assert.Equal(["b-steel", "c-tariff"], matches.Select(m => m.Rule));
    }

    [Fact]
    public void A_rule_set_can_be_used_from_many_threads_at_once()
    {
        var set = RuleSet.Compile([Rule.Parse("t", "tariff NEAR/3 steel"), Rule.Parse("c", "copper")]);
        var results = new System.Collections.Concurrent.ConcurrentBag<int>();

        Parallel.For(0, 2000, i => results.Add(set.Match(Document.Create("", i % 2 == 0 ? "tariff on steel" : "copper prices")).Count));

        Assert.All(results, count => Assert.Equal(1, count));
    }
}
