namespace TradeAlertBot.Cli;

/// <summary>One table's rows in the source and in the target after <c>db copy</c>; the copy holds only if all match.</summary>
internal sealed record TableCount(string Table, long Source, long Target)
{
    public bool Matches => Source == Target;

    /// <summary>The counts as a text table, a mismatch marked on its row.</summary>
    public static void WriteTo(IEnumerable<TableCount> counts, TextWriter output)
    {
        var table = new TextTable("TABLE", "SOURCE", "TARGET", "");
        foreach (var count in counts)
        {
            table.Add(count.Table, count.Source.ToString(), count.Target.ToString(), count.Matches ? "" : "MISMATCH");
        }

        table.WriteTo(output);
    }
}
