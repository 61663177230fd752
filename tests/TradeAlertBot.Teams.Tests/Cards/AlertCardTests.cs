using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Teams.Cards;

namespace TradeAlertBot.Teams.Tests.Cards;

public class AlertCardTests
{
    private const int TwentyEightKb = 28 * 1024;

    private static Alert Sample(
        string title = "US raises tariffs on Chinese steel",
        string? link = "https://example.com/news/steel?id=1",
        string summary = "Duties on steel imports rise to 50% from June 4.",
        IReadOnlyList<AlertReason>? reasons = null,
        IReadOnlyList<AlertFact>? facts = null,
        int outlets = 1) =>
        new(42, title, link, "Reuters", new DateTimeOffset(2025, 6, 2, 14, 30, 0, TimeSpan.FromHours(2)), summary,
            reasons ?? [new AlertReason("steel-tariffs", ["steel", "tariff"])],
            facts ?? [new AlertFact("Rate", "50%"), new AlertFact("Countries", "US, CN")],
            outlets);

    private static int Bytes(JsonNode node) =>
        Encoding.UTF8.GetByteCount(node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    private static JsonObject CardOf(JsonObject activity) => activity["attachments"]![0]!["content"]!.AsObject();

    private static string AllText(JsonObject card) => string.Join("\n", AdaptiveCardShape.Texts(card));

    [Fact]
    public void A_normal_alert_renders_a_valid_adaptive_card_1_5()
    {
        var card = AlertCard.Render(Sample(outlets: 3));

        AdaptiveCardShape.AssertValid(card);
        var body = card["body"]!.AsArray();
        Assert.Equal("US raises tariffs on Chinese steel", body[0]!["text"]!.GetValue<string>());
        Assert.Equal("Bolder", body[0]!["weight"]!.GetValue<string>());
        Assert.Equal("Medium", body[0]!["size"]!.GetValue<string>());
        Assert.True(body[0]!["wrap"]!.GetValue<bool>());
        Assert.Contains(body, e => e!["text"]?.GetValue<string>() == "Why it matched");
        Assert.Contains(body, e => e!["text"]?.GetValue<string>() == "**steel-tariffs**: steel, tariff");
        var facts = Assert.Single(body, e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray();
        Assert.Equal(["Rate", "Countries"], facts.Select(f => f!["title"]!.GetValue<string>()));
        var context = body[^1]!;
        Assert.True(context["isSubtle"]!.GetValue<bool>());
        Assert.Equal(
            "Reuters · {{DATE(2025-06-02T12:30:00Z, SHORT)}} {{TIME(2025-06-02T12:30:00Z)}} · Reported by 3 outlets",
            context["text"]!.GetValue<string>());
    }

    [Fact]
    public void The_actions_open_the_article_mute_the_rule_and_ask_for_more()
    {
        var actions = AlertCard.Render(Sample())["actions"]!.AsArray();

        Assert.Equal(["Action.OpenUrl", "Action.Submit", "Action.Submit"], actions.Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal("https://example.com/news/steel?id=1", actions[0]!["url"]!.GetValue<string>());
        Assert.Equal("""{"action":"mute_rule","rule":"steel-tariffs"}""", actions[1]!["data"]!.ToJsonString());
        Assert.Equal("""{"action":"more_like_this","storyId":42}""", actions[2]!["data"]!.ToJsonString());
    }

    [Fact]
    public void One_outlet_is_not_announced()
    {
        var context = AlertCard.Render(Sample(outlets: 1))["body"]!.AsArray()[^1]!["text"]!.GetValue<string>();

        Assert.DoesNotContain("Reported by", context, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", null)]
    [InlineData("blank", "  ")]
    [InlineData("javascript", "javascript:alert(1)")]
    [InlineData("relative", "/news/1")]
    [InlineData("mailto", "mailto:a@example.com")]
    [InlineData("ftp", "ftp://example.com/a")]
    public void Links_that_are_not_absolute_http_get_no_open_url_action(string name, string? link)
    {
        _ = name;
        var actions = AlertCard.Render(Sample(link: link))["actions"]!.AsArray();

        Assert.DoesNotContain(actions, a => a!["type"]!.GetValue<string>() == "Action.OpenUrl");
        Assert.Contains(actions, a => a!["title"]!.GetValue<string>() == "More like this");
    }

    [Fact]
    public void An_alert_without_rules_has_no_mute_button_or_why_section()
    {
        var card = AlertCard.Render(Sample(reasons: []));

        AdaptiveCardShape.AssertValid(card);
        Assert.DoesNotContain(card["actions"]!.AsArray(), a => a!["title"]!.GetValue<string>() == "Mute rule");
        Assert.DoesNotContain("Why it matched", AllText(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bold", "**x**", @"\*\*x\*\*")]
    [InlineData("markdown link", "[link](javascript:alert(1))", @"\[link\](javascript:alert(1))")]
    [InlineData("mention", "<at>user</at>", @"\<at\>user\</at\>")]
    [InlineData("html", "<b>x</b> &amp;", @"\<b\>x\</b\> \&amp;")]
    [InlineData("italic", "_x_", @"\_x\_")]
    [InlineData("heading", "# Big", @"\# Big")]
    [InlineData("list dash", "- item", @"\- item")]
    [InlineData("list plus", "+ item", @"\+ item")]
    [InlineData("numbered list", "12. item", @"12\. item")]
    [InlineData("backslash", @"a\*b", @"a\\\*b")]
    [InlineData("newlines collapse", "a\n\n- b", "a - b")]
    public void Feed_text_is_escaped_everywhere_it_is_shown(string name, string hostile, string escaped)
    {
        _ = name;
        var alert = Sample(
            title: hostile,
            summary: hostile,
            reasons: [new AlertReason(hostile, [hostile])],
            facts: [new AlertFact(hostile, hostile)]) with { Source = hostile };

        var card = AlertCard.Render(alert);

        var body = card["body"]!.AsArray();
        Assert.Equal(escaped, body[0]!["text"]!.GetValue<string>());
        Assert.Equal(escaped, body[1]!["text"]!.GetValue<string>());
        Assert.Equal($"**{escaped}**: {escaped}", body[3]!["text"]!.GetValue<string>());
        var fact = body[4]!["facts"]![0]!;
        Assert.Equal(escaped, fact["title"]!.GetValue<string>());
        Assert.Equal(escaped, fact["value"]!.GetValue<string>());
        Assert.StartsWith(escaped + " · ", body[5]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string, Alert> HostileAlerts()
    {
        var terms = Enumerable.Range(0, 1000).Select(i => $"term{i} **bold** <at>x</at>").ToList();
        var facts = Enumerable.Range(0, 200).Select(i => new AlertFact($"Label {i} [x](y)", new string('\\', 300))).ToList();
        return new TheoryData<string, Alert>
        {
            { "100 KB title", Sample(title: new string('T', 100_000)) },
            { "100 KB summary", Sample(summary: string.Concat(Enumerable.Repeat("**x** ", 17_000))) },
            { "200 facts", Sample(facts: facts) },
            { "1,000 terms", Sample(reasons: [new AlertReason("rule", terms)]) },
            { "100 rules of 1,000 terms", Sample(reasons: [.. Enumerable.Range(0, 100).Select(i => new AlertReason($"rule {i}", terms))]) },
            { "astral title", Sample(title: string.Concat(Enumerable.Repeat("😀", 50_000))) },
            { "escapes only", Sample(title: new string('<', 100_000), summary: new string('\\', 100_000)) },
            {
                "everything at once", Sample(
                    title: new string('*', 100_000), summary: string.Concat(Enumerable.Repeat("漢", 100_000)),
                    reasons: [.. Enumerable.Range(0, 50).Select(i => new AlertReason(new string('_', 400), terms))], facts: facts,
                    link: "https://example.com/" + new string('a', 1_500))
            },
        };
    }

    [Theory]
    [MemberData(nameof(HostileAlerts))]
    public void Hostile_alerts_stay_under_28_kb_and_valid(string name, Alert alert)
    {
        _ = name;
        var activity = AlertCard.Activity(alert);

        Assert.True(Bytes(activity) < TwentyEightKb, $"{Bytes(activity)} bytes");
        AdaptiveCardShape.AssertValid(CardOf(activity));
        Assert.True(Bytes(TradeAlertBot.Teams.Connector.WorkflowsWebhookClient.Body(CardOf(activity))) < TwentyEightKb);
    }

    [Fact]
    public void Long_text_is_cut_with_an_ellipsis_and_never_inside_a_surrogate_pair()
    {
        var activity = AlertCard.Activity(Sample(title: string.Concat(Enumerable.Repeat("😀", 50_000)), summary: "a" + string.Concat(Enumerable.Repeat("😀", 50_000))));

        var card = CardOf(activity);
        var texts = AdaptiveCardShape.Texts(card).Append(activity["summary"]!.GetValue<string>()).ToList();
        Assert.EndsWith("…", card["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("…", card["body"]![1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(texts, text =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]))
                {
                    Assert.True(i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]), $"lone high surrogate at {i}");
                    i++;
                }
                else
                {
                    Assert.False(char.IsLowSurrogate(text[i]), $"lone low surrogate at {i}");
                }
            }
        });
    }

    [Fact]
    public void Facts_and_terms_beyond_the_budget_are_counted_not_dropped_silently()
    {
        var card = AlertCard.Render(Sample(
            facts: [.. Enumerable.Range(0, 200).Select(i => new AlertFact($"F{i}", "v"))],
            reasons: [new AlertReason("r", [.. Enumerable.Range(0, 1000).Select(i => $"t{i}")])]));

        var text = AllText(card);
        Assert.Contains("more", card["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray()[^1]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches(@"\*\*r\*\*: t0, t1, .*\+\d+ more", text);
    }

    [Fact]
    public void The_activity_carries_the_card_and_a_plain_summary_but_no_text()
    {
        var activity = AlertCard.Activity(Sample(title: "Tariffs **up**"));

        Assert.Equal("message", activity["type"]!.GetValue<string>());
        Assert.Null(activity["text"]);
        Assert.Equal("New trade alert: Tariffs **up**", activity["summary"]!.GetValue<string>());
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        AdaptiveCardShape.AssertValid(attachment["content"]!.AsObject());
    }

    [Fact]
    public void The_outlet_update_says_how_many_outlets_now_report_the_story()
    {
        var reply = AlertCard.OutletUpdate(Sample(outlets: 4) with { Source = "AP *wire*" });

        Assert.Equal("message", reply["type"]!.GetValue<string>());
        Assert.Equal(@"Now reported by **4 outlets** — latest: AP \*wire\*", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public void An_untitled_alert_still_has_a_title()
    {
        var card = AlertCard.Render(Sample(title: " \n\t "));

        Assert.Equal("(untitled)", card["body"]![0]!["text"]!.GetValue<string>());
        AdaptiveCardShape.AssertValid(card);
    }
}
