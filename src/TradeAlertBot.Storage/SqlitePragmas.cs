using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TradeAlertBot.Storage;

/// <summary>
/// Per-connection SQLite settings. With the write-ahead log (set once per database at start-up),
/// synchronous=NORMAL syncs at checkpoints instead of every commit: still crash-safe, far fewer fsyncs
/// (https://www.sqlite.org/pragma.html#pragma_synchronous). busy_timeout makes a writer wait for the lock
/// instead of failing at once when several jobs commit together.
/// </summary>
internal sealed class SqlitePragmas(TimeSpan busyTimeout) : DbConnectionInterceptor
{
    private readonly string Pragmas = $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
