using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Tests.Rules;

public class CueListTests
{
    [Fact]
    public void A_cue_list_stands_for_its_terms_beside_a_proximity_operator()
    {
        var rule = RuleSet.Compile([Rule.Parse("r", "@duty-words NEAR/3 @raise-verbs")]);

        Assert.NotEmpty(rule.Match(Document.Create("", "Canada will impose a surtax on steel.")));
        Assert.Empty(rule.Match(Document.Create("", "Canada will cut its surtax on steel.")));
    }

    [Fact]
    public void A_cue_list_in_a_title_guard_rules_out_mere_mentions()
    {
        var rule = RuleSet.Compile([Rule.Parse("r", "tariff* NOT title:@mention-titles")]);

        Assert.Empty(rule.Match(Document.Create("No plan to lower gold tariff, ministry says", "The tariff stays.")));
        Assert.NotEmpty(rule.Match(Document.Create("India lowers gold tariff", "The tariff falls to 6%.")));
    }

    [Fact]
    public void An_unknown_list_is_refused_with_the_names_of_the_shipped_ones()
    {
        var error = Assert.Throws<RuleSyntaxException>(() => Rule.Parse("r", "tariff* AND @nonsense"));

        Assert.Contains("unknown cue list '@nonsense'", error.Message);
        Assert.Contains("@duty-words", error.Message);
        Assert.Equal((1, 13), (error.Line, error.Column));
    }

    [Fact]
    public void A_list_counts_as_one_term_toward_the_rule_limit()
    {
        var words = string.Join(" OR ", Enumerable.Range(0, 199).Select(i => $"word{i}"));

        Rule.Parse("r", $"({words}) AND @trade-context");
        Assert.Throws<RuleSyntaxException>(() => Rule.Parse("r", $"({words}) AND @trade-context AND @duty-words"));
    }

    [Fact]
    public void Every_shipped_list_parses_and_its_text_is_readable()
    {
        Assert.Contains("duty-words", CueLists.Names);
        foreach (var name in CueLists.Names)
        {
            Assert.False(string.IsNullOrWhiteSpace(CueLists.Text(name)), name);
            Rule.Parse("r", $"tariff* AND @{name}");
        }
    }
}
