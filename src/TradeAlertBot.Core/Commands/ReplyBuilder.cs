namespace TradeAlertBot.Core.Commands;

/// <summary>Builds a <see cref="CommandReply"/> block by block: <c>reply.Bullet().Code(name).Text(": ").Text(query)</c>.</summary>
public sealed class ReplyBuilder
{
    private readonly List<ReplyLine> _lines = [];

    public int Count => _lines.Count;

    /// <summary>The characters written so far, markup aside: what a handler limits to keep a reply short.</summary>
    public int Length => _lines.Sum(l => l.Length);

    public ReplyLine Paragraph() => Add(ReplyBlockKind.Paragraph);

    public ReplyLine Bullet() => Add(ReplyBlockKind.Bullet);

    public CommandReply Build(bool isPublic = false, IReadOnlyList<ReplyButton>? buttons = null) =>
        new([.. _lines.Select(l => l.ToBlock())], buttons, isPublic);

    private ReplyLine Add(ReplyBlockKind kind)
    {
        var line = new ReplyLine(kind);
        _lines.Add(line);
        return line;
    }
}
