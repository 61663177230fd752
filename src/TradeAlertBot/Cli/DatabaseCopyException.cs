namespace TradeAlertBot.Cli;

/// <summary>
/// Why <c>db copy</c> stopped: bad arguments or a database that cannot be a source or target (exit code 2), or a
/// copy that failed midway (exit code 1; the target's transaction is rolled back).
/// </summary>
internal sealed class DatabaseCopyException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static DatabaseCopyException Usage(string message) => new(message, 2);

    public static DatabaseCopyException Failed(string message) => new(message, 1);
}
