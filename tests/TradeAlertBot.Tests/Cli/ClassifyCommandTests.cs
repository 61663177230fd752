using System.Text.Json;

namespace TradeAlertBot.Tests.Cli;

public class ClassifyCommandTests
{
    private const string TariffBody =
        "The United States will impose a 125% tariff on Chinese steel, effective April 9, the White House said. " +
        "Beijing vowed to retaliate against the duties on $200 billion of goods.";

    [Fact]
    public async Task Plain_text_prints_one_object_with_categories_facts_and_fingerprint()
    {
        var run = await CliRun.InvokeAsync(TariffBody, "classify", "--title", "US slaps 125% tariff on Chinese steel", "-");

        Assert.Equal(0, run.ExitCode);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var categories = json.GetProperty("categories").EnumerateArray().ToList();
        var tariffs = Assert.Single(categories, c => c.GetProperty("name").GetString() == "new-tariffs");
        var match = tariffs.GetProperty("matches")[0];
        var field = match.GetProperty("field").GetString();
        var text = field == "title" ? "US slaps 125% tariff on Chinese steel" : TariffBody;
        Assert.Equal(match.GetProperty("term").GetString(), text[match.GetProperty("start").GetInt32()..match.GetProperty("end").GetInt32()]);

        var facts = json.GetProperty("facts");
        Assert.Contains(facts.GetProperty("rates").EnumerateArray(), r => r.GetProperty("value").GetDecimal() == 125m);
        Assert.Contains("CN", facts.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("US", facts.GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(facts.GetProperty("dates").EnumerateArray(), d => d.GetProperty("date").GetString() == "2025-04-09");
        Assert.False(string.IsNullOrEmpty(json.GetProperty("fingerprint").GetString()));
    }

    [Fact]
    public async Task Reads_the_body_from_a_file()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, TariffBody);
        try
        {
            var run = await CliRun.InvokeAsync("", "classify", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("new-tariffs", run.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Jsonl_prints_one_line_per_item_in_input_order_with_ids()
    {
        var input = string.Join('\n',
            """{"id":"a","title":"Weather","body":"Sunny spells and light winds across the region today."}""",
            """{"id":2,"title":"Commerce adds 12 Chinese firms to the Entity List","body":"The firms will need a licence to receive US technology.","published":"2025-03-01T00:00:00Z"}""",
            """{"id":"c","title":"Electricity tariff to rise","body":"The regulator approved a 7% increase in household electricity tariffs."}""");

        var run = await CliRun.InvokeAsync(input, "classify", "--jsonl", "-");

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("a", lines[0].GetProperty("id").GetString());
        Assert.Equal(2, lines[1].GetProperty("id").GetInt32());
        Assert.Equal("c", lines[2].GetProperty("id").GetString());
        Assert.Empty(lines[0].GetProperty("categories").EnumerateArray());
        Assert.Contains(lines[1].GetProperty("categories").EnumerateArray(), c => c.GetProperty("name").GetString() == "export-controls");
        Assert.DoesNotContain(lines[2].GetProperty("categories").EnumerateArray(), c => c.GetProperty("name").GetString() == "new-tariffs");
    }

    [Fact]
    public async Task A_malformed_jsonl_line_is_reported_in_place_and_the_rest_still_classified()
    {
        var input = "{\"id\":1,\"title\":\"Tariffs\",\"body\":\"x\"}\n{not json\n{\"id\":3,\"title\":\"t\",\"body\":\"b\"}";

        var run = await CliRun.InvokeAsync(input, "classify", "--jsonl", "-");

        Assert.Equal(1, run.ExitCode);
        var lines = run.OutLines;
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("line 2: invalid JSON", JsonDocument.Parse(lines[1]).RootElement.GetProperty("error").GetString());
        Assert.Equal(3, JsonDocument.Parse(lines[2]).RootElement.GetProperty("id").GetInt32());
        Assert.Contains("line 2", run.Error);
    }

    [Fact]
    public async Task Custom_rules_replace_the_default_pack()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "gallium.rule"), "gallium NEAR/3 export*");

            var run = await CliRun.InvokeAsync("China restricts gallium exports.", "classify", "--rules", dir.FullName, "-");

            var names = JsonDocument.Parse(run.Out).RootElement.GetProperty("categories").EnumerateArray()
                .Select(c => c.GetProperty("name").GetString());
            Assert.Equal(["gallium"], names);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_broken_rules_file_is_reported_with_line_and_column_and_nothing_classified()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "bad.rule"), "# comment\n(tariff OR duty");

            var run = await CliRun.InvokeAsync("text", "classify", "--rules", dir.FullName, "-");

            Assert.Equal(2, run.ExitCode);
            Assert.Equal("", run.Out);
            Assert.Matches(@"bad\.rule:2:\d+: ", run.Error);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
