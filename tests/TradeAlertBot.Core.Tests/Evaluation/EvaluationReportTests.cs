using TradeAlertBot.Core.Evaluation;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Tests.Evaluation;

public class EvaluationReportTests
{
    private static readonly IReadOnlyList<LabelledExample> Items =
    [
        Item("a", "new-tariffs"),
        Item("b", "new-tariffs", "tariff-exemptions"),
        Item("c", "tariff-exemptions"),
        Item("d"),
        Item("e"),
    ];

    // a: right; b: only one of its two labels; c: filed as a new tariff; d: wrongly a new tariff; e: right (none).
    private static readonly Dictionary<string, string[]> Filed = new()
    {
        ["a"] = ["new-tariffs"],
        ["b"] = ["new-tariffs", "sanctions"],
        ["c"] = ["new-tariffs"],
        ["d"] = ["new-tariffs"],
        ["e"] = [],
    };

    private static readonly EvaluationReport Report = EvaluationReport.Run(Items, Classify, ["new-tariffs", "tariff-exemptions"]);

    [Fact]
    public void Precision_and_recall_count_each_label_of_a_multi_label_item()
    {
        var tariffs = Report.Score("new-tariffs");
        var exemptions = Report.Score("tariff-exemptions");

        Assert.Equal((2, 2, 2, 0), (tariffs.Support, tariffs.TruePositives, tariffs.FalsePositives, tariffs.FalseNegatives));
        Assert.Equal(0.5, tariffs.Precision);
        Assert.Equal(1.0, tariffs.Recall);
        Assert.Equal((2, 0, 0, 2), (exemptions.Support, exemptions.TruePositives, exemptions.FalsePositives, exemptions.FalseNegatives));
        Assert.Equal(0.0, exemptions.Recall);
        Assert.Equal(0.0, exemptions.F1);
    }

    [Fact]
    public void The_confusion_table_pairs_labels_with_filed_categories_and_ignores_rules_not_measured()
    {
        Assert.Equal(2, Report.Confusion("new-tariffs", "new-tariffs"));
        Assert.Equal(2, Report.Confusion("tariff-exemptions", "new-tariffs"));
        Assert.Equal(1, Report.Confusion(LabelledExample.None, "new-tariffs"));
        Assert.Equal(1, Report.Confusion(LabelledExample.None, LabelledExample.None));
        Assert.Equal(0, Report.Confusion("new-tariffs", "sanctions"));
    }

    [Fact]
    public void Misfiled_items_name_what_was_missed_and_what_fired_with_its_terms()
    {
        Assert.Equal(["b", "c", "d"], Report.Misfiles.Select(m => m.Item.Id));
        var text = ReportFormat.Text(Report);

        Assert.Contains("- c \"title c\" (labelled: tariff-exemptions)", text);
        Assert.Contains("missed tariff-exemptions: its rule did not match; fired: new-tariffs", text);
        Assert.Contains("wrongly new-tariffs: body:\"tariff\"@0", text);
        Assert.Contains("| new-tariffs | 2 | 0.50 | 1.00 | 0.67 | 2 | 2 | 0 |", ReportFormat.Markdown(Report));
    }

    [Fact]
    public void A_bad_line_is_refused_with_its_number()
    {
        var input = "{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\",\"labels\":[\"none\"]}\n\n{\"id\":\"y\",\"title\":\"t\"}\n";

        var error = Assert.Throws<FormatException>(() => LabelledExample.Load(new StringReader(input)));
        Assert.StartsWith("line 3: y: expected \"labels\"", error.Message);
    }

    [Fact]
    public void None_is_no_label_and_the_published_date_is_read()
    {
        var item = LabelledExample.Parse("{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\",\"published\":\"2025-04-02\",\"labels\":[\"none\"],\"note\":\"n\"}");

        Assert.Empty(item.Labels);
        Assert.Equal(new DateOnly(2025, 4, 2), item.Published);
    }

    private static LabelledExample Item(string id, params string[] labels) => new(id, "title " + id, "tariff", null, labels);

    private static IReadOnlyList<RuleMatch> Classify(LabelledExample item) =>
        [.. Filed[item.Id].Select(rule => new RuleMatch(rule, [new TermHit("tariff", Field.Body, 0, 6)]))];
}
