namespace TradeAlertBot.Tests.Cli;

public class EvalCommandTests
{
    private static readonly string Items = string.Join('\n',
        """{"id":"a","title":"EU slaps duties on Chinese steel","body":"The EU will impose duties of 25% on steel imports from China.","labels":["new-tariffs"]}""",
        """{"id":"b","title":"India cuts import duty on gold","body":"India lowered the customs duty on gold imports to 6% from 15%.","labels":["tariff-exemptions"]}""",
        """{"id":"c","title":"Power tariffs to rise","body":"The regulator approved higher household electricity tariffs.","labels":["none"]}""",
        """{"id":"d","title":"Ministry says no plan to raise tariffs on cars","body":"Officials denied reports of higher import duties.","labels":["new-tariffs"]}""");

    [Fact]
    public async Task Prints_scores_confusion_and_the_misfiled_item_with_why_it_was_missed()
    {
        var run = await CliRun.InvokeAsync(Items, "eval", "--jsonl", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("4 items", run.Out);
        Assert.Matches(@"new-tariffs\s+2\s+1\.000\s+0\.500\s+0\.667\s+1\s+0\s+1", run.Out);
        Assert.Matches(@"tariff-exemptions\s+1\s+1\.000\s+1\.000", run.Out);
        Assert.Contains("misfiled: 1", run.Out);
        Assert.Contains("- d \"Ministry says no plan to raise tariffs on cars\" (labelled: new-tariffs)", run.Out);
        Assert.Contains("missed new-tariffs: blocked by (NOT title:(@mention-titles)) on \"no\", \"plan\"", run.Out);
    }

    [Fact]
    public async Task Markdown_output_is_a_table()
    {
        var run = await CliRun.InvokeAsync(Items, "eval", "--jsonl", "-", "--markdown");

        Assert.Contains("| new-tariffs | 2 | 1.00 | 0.50 | 0.67 | 1 | 0 | 1 |", run.Out);
        Assert.Contains("| labelled ↓ / filed → | new-tariffs | tariff-exemptions | none |", run.Out);
    }

    [Fact]
    public async Task Doc_mode_rewrites_only_its_marked_block()
    {
        var doc = Path.GetTempFileName();
        await File.WriteAllTextAsync(doc, "# Title\n\n<!-- eval - all -->\nold\n<!-- /eval -->\n\nkept\n");
        try
        {
            var run = await CliRun.InvokeAsync(Items, "eval", "--jsonl", "-", "--doc", doc);

            Assert.Equal(0, run.ExitCode);
            var text = await File.ReadAllTextAsync(doc);
            Assert.StartsWith("# Title\n\n<!-- eval - all -->\n**4 items**", text);
            Assert.DoesNotContain("old", text);
            Assert.EndsWith("<!-- /eval -->\n\nkept\n", text);
        }
        finally
        {
            File.Delete(doc);
        }
    }

    [Fact]
    public async Task A_bad_line_is_refused_with_its_number_and_exit_code_two()
    {
        var run = await CliRun.InvokeAsync("{\"id\":\"a\",\"title\":\"t\",\"labels\":[\"none\"]}\nnot json\n", "eval", "--jsonl", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("eval: line 2: invalid JSON", run.Error);
    }
}
