using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Jobs;

/// <summary>Hangfire queues. The main server takes <see cref="Interactive"/> before <see cref="Default"/>; <see cref="Queries"/> has workers of its own.</summary>
public static class JobQueues
{
    /// <summary>A person is waiting (a command answer), or an alert's rate-limit turn has come.</summary>
    public const string Interactive = "interactive";

    /// <summary>
    /// Scans of stored items (search, its "More" pages, rule test): seconds each, so on workers of their own
    /// (<c>Commands:QueryWorkers</c>), never in the way of alert sends.
    /// </summary>
    public const string Queries = "queries";

    public const string Default = "default";

    /// <summary>The queue for a chat command's answer: <see cref="Queries"/> for a scan, else <see cref="Interactive"/>.</summary>
    public static string ForCommand(string? text) => ForCommand(CommandParser.Parse(text).IsSlow);

    /// <inheritdoc cref="ForCommand(string?)"/>
    public static string ForCommand(bool slow) => slow ? Queries : Interactive;
}
