namespace TradeAlertBot.Core.Text;

/// <summary>One line of a <see cref="LineDiff"/>.</summary>
public sealed record DiffLine(DiffKind Kind, string Text)
{
    /// <summary>The line as unified diffs show it: <c>"  "</c>, <c>"- "</c> or <c>"+ "</c> before the text.</summary>
    public override string ToString() => Kind switch
    {
        DiffKind.Removed => "- " + Text,
        DiffKind.Added => "+ " + Text,
        _ => "  " + Text,
    };
}
