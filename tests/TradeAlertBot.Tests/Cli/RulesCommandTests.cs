namespace TradeAlertBot.Tests.Cli;

public class RulesCommandTests
{
    [Fact]
    public async Task The_bundled_rule_pack_checks_clean()
    {
        var run = await CliRun.InvokeAsync("", "rules", "check", RepoPaths.SampleRules);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("ok: 6 rule(s)", run.Out);
    }

    [Fact]
    public async Task Errors_are_printed_with_file_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "good.rule"), "tariff*");
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "broken.rule"), "# exemptions\n\ntariff AND (exclusion OR");

            var run = await CliRun.InvokeAsync("", "rules", "check", dir.FullName);

            Assert.Equal(1, run.ExitCode);
            var line = Assert.Single(run.OutLines, l => l.Contains("broken.rule"));
            Assert.Matches(@"broken\.rule:3:\d+: .+", line);
            Assert.DoesNotContain(run.OutLines, l => l.Contains("good.rule"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_path_is_a_clear_error()
    {
        var run = await CliRun.InvokeAsync("", "rules", "check", "/no/such/rules");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file or directory", run.Error);
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        var run = await CliRun.InvokeAsync("", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("classify", run.Out);
        Assert.Contains("rules", run.Out);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, false)]
    [InlineData(new[] { "--environment=Development" }, false)]
    [InlineData(new[] { "classify", "-" }, true)]
    [InlineData(new[] { "rules", "check", "x" }, true)]
    [InlineData(new[] { "--help" }, true)]
    public void Only_a_verb_or_help_runs_the_command_line_anything_else_starts_the_service(string[] args, bool isCommand)
    {
        Assert.Equal(isCommand, TradeAlertBot.Cli.CliApp.IsCommand(args));
    }
}
