namespace TradeAlertBot.Core.Alerts;

/// <summary>
/// A sender whose alerts have threads: the alert can be edited in place with nothing posted beside it, and messages
/// can be posted in its thread (Slack <c>thread_ts</c>, a Teams reply to the alert's activity). Senders without
/// threads (a Workflows webhook) do not implement it, and thread messages for them are not sent.
/// </summary>
public interface IThreadedAlertSender
{
    /// <summary>Edits the posted alert <paramref name="messageId"/> to show <paramref name="alert"/> as it is now.</summary>
    Task EditAsync(string address, string messageId, Alert alert, CancellationToken ct);

    /// <summary>Posts <paramref name="text"/> (plain text) in the thread of the alert <paramref name="messageId"/>; returns the reply's id.</summary>
    Task<string> ReplyAsync(string address, string messageId, string text, CancellationToken ct);
}
