using TradeAlertBot.Core.Categories;
using TradeAlertBot.Core.Rules;
using Xunit.Abstractions;

namespace TradeAlertBot.Core.Tests.Categories;

public class DefaultPackTests(ITestOutputHelper output)
{
    private static readonly RuleSet Pack = RuleSet.Compile(DefaultRulePack.Load());
    private static readonly IReadOnlyList<LabelledItem> Items = LabelledItem.LoadAll();

    private static readonly string[] Names =
        ["new-tariffs", "tariff-exemptions", "export-controls", "anti-dumping", "sanctions", "trade-deals"];

    public static TheoryData<string> Categories() => new(Names);

    [Fact]
    public void The_pack_holds_the_six_categories_and_matches_the_samples_folder()
    {
        var embedded = DefaultRulePack.Load();
        var folder = RuleFile.LoadAll(Path.Combine(RepoRoot(), "samples", "rules"));

        Assert.Equal(Names.Order(), embedded.Select(r => r.Name).Order());
        Assert.Equal(folder.Select(r => (r.Name, r.Text)), embedded.Select(r => (r.Name, r.Text)));
    }

    [Fact]
    public void The_labelled_set_is_big_enough_to_mean_something()
    {
        Assert.True(Items.Count >= 60, $"{Items.Count} items");
        Assert.True(Items.Count(i => i.Labels.Length == 0) >= 15, "hard negatives");
        foreach (var category in Names)
        {
            Assert.True(Items.Count(i => i.Labels.Contains(category)) >= 8, category);
        }
    }

    [Theory]
    [MemberData(nameof(Categories))]
    public void Precision_and_recall_are_at_least_ninety_percent(string category)
    {
        var (truePositive, falsePositive, falseNegative) = (0, 0, 0);
        var mistakes = new List<string>();
        foreach (var item in Items)
        {
            var predicted = Pack.Match(Document.Create(item.Title, item.Body)).Any(m => m.Rule == category);
            var expected = item.Labels.Contains(category);
            if (predicted && expected)
            {
                truePositive++;
            }
            else if (predicted)
            {
                falsePositive++;
                mistakes.Add($"false positive: {item.Id} {item.Title}");
            }
            else if (expected)
            {
                falseNegative++;
                mistakes.Add($"missed: {item.Id} {item.Title}");
            }
        }

        var precision = truePositive + falsePositive == 0 ? 0 : (double)truePositive / (truePositive + falsePositive);
        var recall = (double)truePositive / (truePositive + falseNegative);
        output.WriteLine($"{category}: precision {precision:0.000}, recall {recall:0.000} ({truePositive} TP, {falsePositive} FP, {falseNegative} FN)");
        mistakes.ForEach(output.WriteLine);
        Assert.True(precision >= 0.9 && recall >= 0.9,
            $"{category}: precision {precision:0.000}, recall {recall:0.000}\n{string.Join("\n", mistakes)}");
    }

    [Theory]
    [InlineData("Electricity tariffs to rise 7% in July", "The regulator approved a 7% increase in household electricity tariffs.")]
    [InlineData("Tax exemption for charities extended", "The income tax exemption for registered charities was extended.")]
    [InlineData("Export the file to PDF", "You can export the file to PDF; exports are limited to 100 pages.")]
    [InlineData("Exports rose 5% in May", "Exports rose 5% year on year, customs data showed.")]
    [InlineData("Stock soared 169%: buy now?", "Shares jumped 169% this year and analysts expect a further 25% gain.")]
    public void Hard_negatives_match_no_category(string title, string body)
    {
        Assert.Empty(Pack.Match(Document.Create(title, body)));
    }

    [Theory]
    [InlineData("Commerce adds 40 firms to the Entity List", "", "export-controls")]
    [InlineData("Beijing imposes licence requirement on graphite", "", "export-controls")]
    [InlineData("Canada hits US goods with 25% levies in retaliation", "", "new-tariffs")]
    [InlineData("EU to impose duties on Chinese biodiesel", "", "new-tariffs")]
    [InlineData("Treasury adds shipping firms to SDN list", "", "sanctions")]
    [InlineData("USTR opens exclusion process for machinery", "", "tariff-exemptions")]
    [InlineData("Commerce sets countervailing duties on Korean steel", "", "anti-dumping")]
    [InlineData("US and Vietnam reach framework agreement", "", "trade-deals")]
    public void Positives_that_avoid_the_obvious_keyword_still_match(string title, string body, string category)
    {
        Assert.Contains(Pack.Match(Document.Create(title, body)), m => m.Rule == category);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradeAlertBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
