namespace TradeAlertBot.Feeds.Tests.Parsing;

/// <summary>One row of shared/fixtures/feeds/expected.tsv (see its README for the columns).</summary>
internal sealed record ExpectedRow(string File, string Outcome, int? Items, string FirstTitle, string Reason)
{
    public static IReadOnlyDictionary<string, ExpectedRow> All { get; } = Load();

    public static ExpectedRow Parse(string line)
    {
        var cells = line.Split('\t');
        string Cell(int i) => i < cells.Length ? cells[i] : "";
        return new ExpectedRow(Cell(0), Cell(1), int.TryParse(Cell(2), out var items) ? items : null, Cell(3), Cell(4));
    }

    private static Dictionary<string, ExpectedRow> Load() =>
        System.IO.File.ReadLines(System.IO.Path.Combine(FixtureDirectory.Path, "expected.tsv"))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(Parse)
            .ToDictionary(row => row.File);
}
