using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Tests.Rules;

public sealed class RuleFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory();

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string file, string text)
    {
        var path = Path.Combine(_dir.FullName, file);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_folder_loads_every_rule_file_sorted_by_name_with_comments_ignored()
    {
        Write("steel.rule", "# steel tariffs\nsteel NEAR/5 tariff* # trailing comment");
        Write("copper.rule", "copper");
        Write("notes.txt", "not a rule");

        var rules = RuleFile.LoadAll(_dir.FullName);

        Assert.Equal(["copper", "steel"], rules.Select(r => r.Name));
    }

    [Fact]
    public void Check_reports_each_broken_file_with_line_and_column()
    {
        Write("good.rule", "tariff");
        var bad = Write("bad.rule", "# header\n\ntariff AND (steel");

        var error = Assert.Single(RuleFile.Check(_dir.FullName));

        Assert.Equal(new RuleFileError(bad, 3, 18, "expected ')' after \"steel\""), error);
    }

    [Fact]
    public void A_file_name_that_is_not_a_rule_name_is_refused()
    {
        var path = Write("Bad Name.rule", "tariff");

        Assert.Contains("must be lower-case", Assert.Throws<RuleSyntaxException>(() => RuleFile.Load(path)).Message);
    }
}
