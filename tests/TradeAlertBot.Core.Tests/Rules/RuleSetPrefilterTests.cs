using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Tests.Rules;

public class RuleSetPrefilterTests
{
    [Theory]
    [InlineData("trigger word present", "tariff* AND steel", "New tariffs on steel", true)]
    [InlineData("case and diacritics fold", "tariff* AND steel", "NEW TAR\u00cdFFS ON STEEL", true)]
    [InlineData("initialism in dotted form", "us AND tariff", "The U.S. tariff", true)]
    [InlineData("possessive", "china AND export*", "China's exports", true)]
    [InlineData("phrase by its first word", "\"export ban\" NEAR/3 rice", "an export ban on rice", true)]
    [InlineData("field scope", "title:(tariff) AND steel", "tariff on steel", true)]
    [InlineData("NOT is no trigger", "tariff NOT steel", "a tariff on copper", true)]
    [InlineData("no trigger word anywhere", "tariff* AND (steel OR aluminium)", "Weather in Lisbon: sunny", false)]
    [InlineData("only the non-trigger side present", "gallium AND export*", "exports rose", false)]
    public void MightMatch_is_true_whenever_the_rule_can_match(string name, string rule, string text, bool mightMatch)
    {
        var rules = RuleSet.Compile([Rule.Parse(name, rule)]);
        var matched = rules.Match(Document.Create("", text)).Count > 0;

        Assert.Equal(mightMatch, rules.MightMatch("", text));
        Assert.True(!matched || rules.MightMatch("", text), "a matching item must never be skipped");
        Assert.Equal(mightMatch, rules.MightMatch(text, ""));
    }

    [Fact]
    public void An_empty_rule_set_might_match_nothing()
    {
        Assert.False(RuleSet.Compile([]).MightMatch("tariff", "steel"));
    }
}
