namespace TradeAlertBot.Core.Text;

/// <summary>Whether a line of a <see cref="LineDiff"/> is in both texts, only the old one, or only the new one.</summary>
public enum DiffKind
{
    Same,
    Removed,
    Added,
}
