using TradeAlertBot.Core.Categories;
using TradeAlertBot.Core.Classification;
using TradeAlertBot.Core.Evaluation;
using TradeAlertBot.Core.Rules;
using Xunit.Abstractions;

namespace TradeAlertBot.Core.Tests.Evaluation;

/// <summary>
/// The default pack measured the way users meet it: on real labelled text. The pack was written against the tune
/// part only; the check part stands for text it never saw.
/// </summary>
public class CorpusQualityTests(ITestOutputHelper output)
{
    private const double Target = 0.9;
    private static readonly string[] MissionCategories = ["export-controls", "new-tariffs", "tariff-exemptions"];
    private static readonly ItemClassifier Classifier = new(RuleSet.Compile(DefaultRulePack.Load()));

    [Theory]
    [InlineData(CorpusPart.Check)]
    [InlineData(CorpusPart.Tune)]
    public void Every_mission_category_reaches_ninety_percent_precision_and_recall(CorpusPart part)
    {
        var report = EvaluationReport.Run(SharedCorpus.Part(part), i => Classifier.Categorize(i.Title, i.Body), MissionCategories);
        output.WriteLine($"{part} part:");
        output.WriteLine(ReportFormat.Text(report, misfileLimit: part == CorpusPart.Tune ? 50 : 0));

        var below = report.Scores.Where(s => s.Precision < Target || s.Recall < Target)
            .Select(s => $"{s.Category}: precision {s.Precision:0.000}, recall {s.Recall:0.000}").ToList();
        Assert.True(below.Count == 0, $"{part} part below {Target}:\n{string.Join('\n', below)}\n\n{ReportFormat.Text(report, 0)}");
    }

    [Fact]
    public void The_split_is_about_seventy_thirty_and_every_category_is_in_both_parts()
    {
        var check = SharedCorpus.Part(CorpusPart.Check);
        var share = (double)check.Count / SharedCorpus.All.Count;

        Assert.InRange(share, 0.25, 0.35);
        foreach (var category in MissionCategories)
        {
            Assert.True(check.Count(i => i.Labels.Contains(category)) >= 20, $"{category}: too few check items to measure");
        }
    }
}
