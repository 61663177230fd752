using System.Text;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Slack.Blocks;

/// <summary>
/// A reply's blocks in Slack mrkdwn (https://api.slack.com/reference/surfaces/formatting): one line per block, bullets
/// as "• ", text escaped for &amp;, &lt; and &gt; only — so "&lt;!channel&gt;" in a title pings nobody.
/// </summary>
public static class SlackReplyMarkup
{
    public static string Render(IEnumerable<ReplyBlock> blocks) => string.Join('\n', blocks.Select(Render));

    public static string Render(ReplyBlock block)
    {
        var line = new StringBuilder(block.Kind == ReplyBlockKind.Bullet ? "• " : "");
        foreach (var span in block.Spans)
        {
            line.Append(span switch
            {
                ReplySpan.Text t => ChatText.Escape(t.Value),
                ReplySpan.Strong s => $"*{ChatText.Escape(s.Value)}*",
                ReplySpan.Emphasis e => $"_{ChatText.Escape(e.Value)}_",
                ReplySpan.Code c => $"`{ChatText.Escape(NoBackticks(c.Value))}`",
                ReplySpan.Link l => ChatText.Link(l.Url, ChatText.Escape(l.Label)),
                ReplySpan.UserMention m => $"<@{ChatText.Escape(m.UserId)}>",
                _ => throw new ArgumentOutOfRangeException(nameof(block), span, "slack: unknown reply span"),
            });
        }

        return line.ToString();
    }

    // mrkdwn has no escape inside code: a backtick would end it early.
    private static string NoBackticks(string text) => text.Replace('`', '\'');
}
