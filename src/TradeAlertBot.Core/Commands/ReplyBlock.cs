namespace TradeAlertBot.Core.Commands;

/// <summary>One block of a reply: a paragraph or a bullet item, made of inline spans.</summary>
public sealed record ReplyBlock(ReplyBlockKind Kind, IReadOnlyList<ReplySpan> Spans);
