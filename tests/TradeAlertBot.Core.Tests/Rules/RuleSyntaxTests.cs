using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Tests.Rules;

public class RuleSyntaxTests
{
    [Theory]
    [InlineData("unbalanced paren", "(tariff OR duty", "line 1, col 16: expected ')' after \"duty\"")]
    [InlineData("multi-line position", "# comment\n\ntariff AND (steel OR\n   copper", "line 4, col 10: expected ')' after \"copper\"")]
    [InlineData("stray close paren", "tariff)", "line 1, col 7: unexpected ')': no '(' is open")]
    [InlineData("dangling AND", "tariff AND", "line 1, col 11: expected a word or a \"phrase\" after 'AND'")]
    [InlineData("dangling OR", "tariff OR", "line 1, col 10: expected a word or a \"phrase\" after 'OR'")]
    [InlineData("leading operator", "OR tariff", "line 1, col 1: expected a word or a \"phrase\", found 'OR'")]
    [InlineData("empty rule", "  # only a comment", "line 1, col 19: empty rule: expected a word or a \"phrase\"")]
    [InlineData("unterminated phrase", "\"export ban", "line 1, col 1: unterminated phrase: expected '\"'")]
    [InlineData("bad NEAR number", "a NEAR/x b", "line 1, col 3: expected a number after 'NEAR/', found \"x\"")]
    [InlineData("NEAR out of range", "a NEAR/0 b", "line 1, col 3: 'NEAR/0': the number must be from 1 to 100")]
    [InlineData("unknown field", "headline:tariff", "line 1, col 1: unknown field 'headline:'; expected title: or body:")]
    [InlineData("empty parens", "tariff AND ()", "line 1, col 13: empty parentheses: expected a word or a \"phrase\" after '('")]
    [InlineData("ATLEAST needs a term", "ATLEAST3 (a OR b)", "line 1, col 10: expected a word or a \"phrase\" after 'ATLEAST3'")]
    [InlineData("proximity operand", "(a AND b) NEAR/3 c", "line 1, col 11: the operand before 'NEAR/3' must be a word, a \"phrase\" or an OR-group of them, e.g. (tariff* OR duties) NEAR/3 steel")]
    [InlineData("proximity chain", "a NEAR/3 b NEAR/3 c", "line 1, col 12: 'NEAR/3' cannot follow another proximity operator; use parentheses and AND, e.g. (a NEAR/5 b) AND (b NEAR/5 c)")]
    [InlineData("inner wildcard", "li*en", "line 1, col 1: in \"li*en\": a wildcard '*' may only end a word")]
    public void Syntax_errors_say_where_and_what_was_expected(string name, string text, string message)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => Rule.Parse("r", text));

        Assert.True(message == error.Message, $"{name}: {error.Message}");
    }

    [Theory]
    [InlineData("*", "rule is too broad: a lone '*' matches every word")]
    [InlineData("ta*", "wildcard 'ta*' is too broad: put at least 3 letters before '*'")]
    [InlineData("NOT tariff", "rule is too broad: it can match an item that contains none of its terms (a rule made only of NOT)")]
    [InlineData("tariff AND NOT tariff", "rule can never match: it requires tariff and NOT tariff")]
    [InlineData("\"  \"", "empty phrase: expected words between the quotes")]
    [InlineData("%", "\"%\" has no letters or digits to match")]
    public void Rules_that_match_everything_or_nothing_are_rejected_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<RuleSyntaxException>(() => Rule.Parse("r", text));

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Limits_on_length_nesting_and_terms_are_enforced()
    {
        Assert.Contains("limit is 4000", Assert.Throws<RuleSyntaxException>(() => Rule.Parse("r", new string('a', 4001))).Message);
        Assert.Contains("deeper than 32", Assert.Throws<RuleSyntaxException>(() => Rule.Parse("r", new string('(', 40) + "a" + new string(')', 40))).Message);
        var many = string.Join(" OR ", Enumerable.Range(0, 201).Select(i => $"w{i}"));
        Assert.Contains("more than 200 terms", Assert.Throws<RuleSyntaxException>(() => Rule.Parse("r", many)).Message);
    }

    [Theory]
    [InlineData("tariff* NEAR/5 (steel OR \"rare earth*\")")]
    [InlineData("title:(export* AND ban*) OR body:ATLEAST2 tariff")]
    [InlineData("a W/3 b AND NOT (c SAME d)")]
    public void Printed_rules_parse_back_to_the_same_tree(string text)
    {
        var printed = Rule.Parse("r", text).Root.ToString();

        Assert.Equal(printed, Rule.Parse("r", printed!).Root.ToString());
    }
}
