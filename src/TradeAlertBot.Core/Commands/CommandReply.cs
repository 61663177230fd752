namespace TradeAlertBot.Core.Commands;

/// <summary>
/// A command's answer in the neutral reply model (each platform renders it in its own markup and escapes the text),
/// with optional buttons; <see cref="Public"/> replies are shown to the whole channel.
/// </summary>
public sealed record CommandReply(IReadOnlyList<ReplyBlock> Blocks, IReadOnlyList<ReplyButton>? Buttons = null, bool Public = false)
{
    /// <summary>A one-paragraph reply built by <paramref name="line"/>.</summary>
    public static CommandReply Say(Action<ReplyLine> line, bool isPublic = false)
    {
        var reply = new ReplyBuilder();
        line(reply.Paragraph());
        return reply.Build(isPublic);
    }

    /// <summary>A one-paragraph reply of plain text.</summary>
    public static CommandReply Say(string text, bool isPublic = false) => Say(line => line.Text(text), isPublic);
}
