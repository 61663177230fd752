namespace TradeAlertBot.Core.Commands;

/// <summary>How a block is laid out: a paragraph of its own, or an item of a bulleted list ("• " on every platform).</summary>
public enum ReplyBlockKind
{
    Paragraph,
    Bullet,
}
