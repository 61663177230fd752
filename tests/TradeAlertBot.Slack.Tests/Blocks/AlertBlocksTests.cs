using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Slack.Blocks;

namespace TradeAlertBot.Slack.Tests.Blocks;

public class AlertBlocksTests
{
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Alert Sample(
        string title = "US raises tariffs on steel to 50%",
        string? link = "https://news.example/steel?id=1&src=rss",
        string summary = "The tariff applies from June.",
        IReadOnlyList<AlertReason>? reasons = null,
        IReadOnlyList<AlertFact>? facts = null,
        int outlets = 1,
        string source = "Example News") =>
        new(
            42,
            title,
            link,
            source,
            new DateTimeOffset(2025, 6, 3, 14, 5, 0, TimeSpan.Zero),
            summary,
            reasons ?? [new AlertReason("steel-tariffs", ["steel", "tariff*"])],
            facts ?? [new AlertFact("Rates", "50%"), new AlertFact("Countries", "US")],
            outlets);

    private static string Json(SlackMessage message) => new JsonObject
    {
        ["text"] = message.Text,
        ["blocks"] = message.Blocks!.DeepClone(),
    }.ToJsonString(Raw);

    private static JsonObject Block(SlackMessage message, string type) =>
        message.Blocks!.Select(b => b!.AsObject()).Single(b => (string?)b["type"] == type && b["fields"] is null);

    private static List<JsonObject> Buttons(SlackMessage message) =>
        [.. Block(message, "actions")["elements"]!.AsArray().Select(b => b!.AsObject())];

    private static JsonObject? Button(SlackMessage message, string actionId) =>
        Buttons(message).SingleOrDefault(b => (string?)b["action_id"] == actionId);

    public static TheoryData<string, Alert> Alerts()
    {
        var huge = string.Concat(Enumerable.Repeat("Tariffs & duties <rise> 😀 ", 4000));
        var data = new TheoryData<string, Alert>
        {
            { "ordinary alert", Sample() },
            { "100 KB title", Sample(title: huge) },
            { "100 KB summary", Sample(summary: huge) },
            { "40 facts", Sample(facts: [.. Enumerable.Range(1, 40).Select(i => new AlertFact($"Fact {i}", $"value {i}"))]) },
            { "huge fact label and value", Sample(facts: [new AlertFact(huge, huge), new AlertFact("", huge), new AlertFact(huge, "")]) },
            { "many reasons with many terms", Sample(reasons: [.. Enumerable.Range(1, 200).Select(i => new AlertReason($"rule-{i}", [huge[..500], "x"]))]) },
            { "huge rule name", Sample(reasons: [new AlertReason(huge, ["steel"])]) },
            { "empty everything", Sample(title: "", link: null, summary: "", reasons: [], facts: [], source: "") },
            { "whitespace everything", Sample(title: " \n\t ", link: "  ", summary: "\n\n", reasons: [new AlertReason(" ", [" "])], facts: [new AlertFact(" ", " ")], source: "\t") },
            { "surrogate pairs at every cut", Sample(title: new string('a', 148) + string.Concat(Enumerable.Repeat("😀", 3000)), summary: string.Concat(Enumerable.Repeat("😀", 3000))) },
            { "entities at every cut", Sample(title: string.Concat(Enumerable.Repeat("&", 200)), summary: string.Concat(Enumerable.Repeat("<&>", 2000))) },
            { "huge source and many outlets", Sample(source: huge, outlets: 1234) },
            { "huge link", Sample(link: "https://news.example/" + new string('a', 5000)) },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Alerts))]
    public void Every_rendered_alert_is_within_block_kit_limits(string name, Alert alert)
    {
        var message = AlertBlocks.Render(alert, "C1");

        Assert.True(BlockKitLimits.Violations(message) is [], $"{name}: {string.Join("; ", BlockKitLimits.Violations(message))}");
        Assert.Equal("C1", message.Channel);
        Assert.False(string.IsNullOrWhiteSpace(message.Text));
    }

    [Theory]
    [MemberData(nameof(Alerts))]
    public void Every_outlet_update_is_within_block_kit_limits(string name, Alert alert)
    {
        var message = AlertBlocks.OutletUpdate(alert with { OutletCount = 3 }, "C1", "1700000000.000100");

        Assert.True(BlockKitLimits.Violations(message) is [], $"{name}: {string.Join("; ", BlockKitLimits.Violations(message))}");
        Assert.Equal("1700000000.000100", message.ThreadTs);
    }

    [Fact]
    public void Hostile_text_is_escaped_so_it_cannot_mention_anyone()
    {
        const string hostile = "<!channel> & <@U123> <https://evil.example|click> <!here>";
        var alert = Sample(
            title: hostile,
            summary: hostile,
            source: hostile,
            reasons: [new AlertReason("steel", [hostile])],
            facts: [new AlertFact(hostile, hostile)]);

        foreach (var message in new[] { AlertBlocks.Render(alert, "C1"), AlertBlocks.OutletUpdate(alert, "C1", "1.1") })
        {
            var json = Json(message);
            Assert.Contains("&lt;!channel&gt;", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<@U123>", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<!here>", json, StringComparison.Ordinal);
            Assert.DoesNotContain("<https://evil", json, StringComparison.Ordinal);
            Assert.DoesNotContain("& ", json.Replace("&amp; ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_header_is_the_escaped_title_and_the_fallback_names_it()
    {
        var message = AlertBlocks.Render(Sample(title: "Steel & aluminium\nduties"), "C1");

        Assert.Equal("Steel &amp; aluminium duties", (string?)Block(message, "header")["text"]!["text"]);
        Assert.Equal("New trade alert: Steel &amp; aluminium duties", message.Text);
    }

    [Fact]
    public void A_long_title_is_cut_with_an_ellipsis()
    {
        var header = (string)Block(AlertBlocks.Render(Sample(title: new string('x', 400)), "C1"), "header")["text"]!["text"]!;

        Assert.Equal(150, header.Length);
        Assert.EndsWith("x…", header, StringComparison.Ordinal);
    }

    [Fact]
    public void The_buttons_open_the_article_mute_the_first_rule_and_ask_for_more()
    {
        var message = AlertBlocks.Render(Sample(reasons: [new AlertReason("steel-tariffs", ["steel"]), new AlertReason("eu", ["EU"])]), "C1");

        Assert.Equal(["open_article", "mute_rule", "more_like_this"], Buttons(message).Select(b => (string)b["action_id"]!));
        Assert.Equal("https://news.example/steel?id=1&src=rss", (string?)Button(message, "open_article")!["url"]);
        Assert.Equal("steel-tariffs", (string?)Button(message, "mute_rule")!["value"]);
        Assert.Equal("42", (string?)Button(message, "more_like_this")!["value"]);
    }

    [Theory]
    [InlineData("missing", null)]
    [InlineData("blank", "")]
    [InlineData("relative", "/news/1")]
    [InlineData("javascript", "javascript:alert(1)")]
    [InlineData("ftp", "ftp://files.example/a")]
    [InlineData("mailto", "mailto:a@example.com")]
    [InlineData("over 3000 chars", "https://news.example/very-long")]
    public void Without_a_usable_http_link_there_is_no_open_button(string name, string? link)
    {
        var alert = Sample(link: name == "over 3000 chars" ? link + new string('a', 3000) : link);

        Assert.Null(Button(AlertBlocks.Render(alert, "C1"), "open_article"));
        Assert.Equal(2, Buttons(AlertBlocks.Render(alert, "C1")).Count);
    }

    [Fact]
    public void Without_reasons_there_is_no_mute_button()
    {
        var message = AlertBlocks.Render(Sample(reasons: []), "C1");

        Assert.Null(Button(message, "mute_rule"));
        Assert.DoesNotContain(message.Blocks!, b => ((string?)b!["text"]?["text"])?.StartsWith("*Why*", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Why_lists_each_rule_with_its_terms()
    {
        var message = AlertBlocks.Render(Sample(reasons: [new AlertReason("steel", ["steel", "tariff*"]), new AlertReason("eu", [])]), "C1");

        var why = message.Blocks!.Select(b => (string?)b!["text"]?["text"]).Single(t => t?.StartsWith("*Why*", StringComparison.Ordinal) == true);
        Assert.Equal("*Why*\n• *steel*: steel, tariff*\n• *eu*", why);
    }

    [Fact]
    public void Facts_become_labelled_fields()
    {
        var message = AlertBlocks.Render(Sample(facts: [new AlertFact("Rates", "125%"), new AlertFact("Countries", "CN, US")]), "C1");

        var fields = message.Blocks!.Single(b => b!["fields"] is not null)!["fields"]!.AsArray();
        Assert.Equal(["*Rates*\n125%", "*Countries*\nCN, US"], fields.Select(f => (string)f!["text"]!));
    }

    [Fact]
    public void More_than_ten_facts_show_nine_and_a_count_of_the_rest()
    {
        var message = AlertBlocks.Render(Sample(facts: [.. Enumerable.Range(1, 40).Select(i => new AlertFact($"F{i}", "v"))]), "C1");

        var fields = message.Blocks!.Single(b => b!["fields"] is not null)!["fields"]!.AsArray();
        Assert.Equal(10, fields.Count);
        Assert.Equal("_+31 more_", (string?)fields[9]!["text"]);
    }

    [Fact]
    public void Without_facts_there_is_no_fields_section()
    {
        Assert.DoesNotContain(AlertBlocks.Render(Sample(facts: []), "C1").Blocks!, b => b!["fields"] is not null);
    }

    [Fact]
    public void The_context_gives_source_localised_time_and_outlet_count()
    {
        var single = (string)Block(AlertBlocks.Render(Sample(), "C1"), "context")["elements"]![0]!["text"]!;
        var many = (string)Block(AlertBlocks.Render(Sample(outlets: 4), "C1"), "context")["elements"]![0]!["text"]!;

        Assert.Equal("Example News · <!date^1748959500^{date_short_pretty} {time}|2025-06-03 14:05 UTC>", single);
        Assert.EndsWith(" · Reported by 4 outlets", many, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outlet_update_is_a_thread_reply_counting_outlets()
    {
        var message = AlertBlocks.OutletUpdate(Sample(outlets: 3, source: "Wire & Co"), "C1", "1700000000.000100");

        Assert.Equal("C1", message.Channel);
        Assert.Equal("1700000000.000100", message.ThreadTs);
        Assert.Equal("Now reported by 3 outlets: US raises tariffs on steel to 50%", message.Text);
        Assert.Equal("Now reported by *3 outlets* — latest: Wire &amp; Co", (string?)message.Blocks![0]!["text"]!["text"]);
        Assert.Equal("https://news.example/steel?id=1&src=rss", (string?)Button(message, "open_article")!["url"]);
    }

    [Fact]
    public async Task A_rendered_alert_is_accepted_by_the_fake_and_updated_in_place()
    {
        await using var fake = await TestFakes.FakeSlackApi.StartAsync("xoxb-1");
        var client = new SlackApiClient(new HttpClient(), new SlackOptions { ApiBaseUrl = fake.BaseUrl });
        var alert = Sample();

        var posted = await client.PostMessageAsync("xoxb-1", AlertBlocks.Render(alert, "C1"), CancellationToken.None);
        await client.UpdateMessageAsync("xoxb-1", posted.Channel, posted.Ts, AlertBlocks.Render(alert with { OutletCount = 2 }, "C1"), CancellationToken.None);
        await client.PostMessageAsync("xoxb-1", AlertBlocks.OutletUpdate(alert with { OutletCount = 2 }, posted.Channel, posted.Ts), CancellationToken.None);

        var messages = fake.Messages("C1");
        Assert.Equal(2, messages.Count);
        Assert.Contains("Reported by 2 outlets", messages[0].Body.ToJsonString(Raw), StringComparison.Ordinal);
        Assert.Equal(posted.Ts, messages[1].ThreadTs);
    }
}
