using System.Text;

namespace TradeAlertBot.Core.Commands;

/// <summary>A reply as plain text, without markup: for the CLI, logs and tests. Links show their address after the label.</summary>
public static class PlainReplyText
{
    public static string Render(CommandReply reply) => string.Join('\n', reply.Blocks.Select(Render));

    public static string Render(ReplyBlock block)
    {
        var line = new StringBuilder(block.Kind == ReplyBlockKind.Bullet ? "• " : "");
        foreach (var span in block.Spans)
        {
            line.Append(span switch
            {
                ReplySpan.Text t => t.Value,
                ReplySpan.Strong s => s.Value,
                ReplySpan.Emphasis e => e.Value,
                ReplySpan.Code c => c.Value,
                ReplySpan.Link l => $"{l.Label} ({l.Url})",
                ReplySpan.UserMention m => "@" + m.UserId,
                _ => throw new ArgumentOutOfRangeException(nameof(block), span, "commands: unknown reply span"),
            });
        }

        return line.ToString();
    }
}
