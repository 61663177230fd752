using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Cli;

/// <summary>One side of <c>db copy</c>: a provider and its connection string, as the service would be configured.</summary>
internal sealed record DatabaseEndpoint(string Option, string Provider, string ConnectionString)
{
    public bool IsPostgres => Provider == StorageOptions.Postgres;

    /// <summary>
    /// The endpoint for <paramref name="option"/>'s connection string; the provider is <paramref name="provider"/> when
    /// given, else read from the string's keys (Data Source → sqlite, Host → postgres).
    /// </summary>
    public static DatabaseEndpoint Parse(string option, string connectionString, string? provider)
    {
        DbConnectionStringBuilder keys;
        try
        {
            keys = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException e)
        {
            throw DatabaseCopyException.Usage($"{option}: not a connection string ({e.Message})");
        }

        var sqlite = keys.ContainsKey("Data Source") || keys.ContainsKey("DataSource") || keys.ContainsKey("Filename");
        var postgres = keys.ContainsKey("Host") || keys.ContainsKey("Server");
        provider ??= (sqlite, postgres) switch
        {
            (true, false) => StorageOptions.Sqlite,
            (false, true) => StorageOptions.Postgres,
            _ => throw DatabaseCopyException.Usage(
                $"{option}: cannot tell the provider from the connection string (Data Source=… is sqlite, Host=… is postgres); give {option}-provider"),
        };
        var endpoint = new DatabaseEndpoint(option, provider.ToLowerInvariant(), connectionString);
        if (new StorageOptions { Provider = endpoint.Provider }.Problem(connectionString) is { } problem)
        {
            throw DatabaseCopyException.Usage($"{option}: {problem}");
        }

        if (!endpoint.IsPostgres && !IsSqliteString(connectionString))
        {
            throw DatabaseCopyException.Usage($"{option}: not a SQLite connection string (Data Source=FILE)");
        }

        return endpoint;
    }

    private static bool IsSqliteString(string connectionString)
    {
        try
        {
            return !string.IsNullOrEmpty(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return false;
        }
    }

    /// <summary>Where it points, without credentials: the SQLite file, or PostgreSQL's host, port and database.</summary>
    public string Shown
    {
        get
        {
            if (!IsPostgres)
            {
                return $"sqlite {Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource)}";
            }

            var pg = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"postgres {pg.Host}:{pg.Port}/{pg.Database}";
        }
    }

    /// <summary>
    /// A context on the database, configured as the service configures it. A source SQLite file is opened read-only
    /// and must exist (SQLite would otherwise create an empty one).
    /// </summary>
    public TradeAlertDbContext Open(bool asSource)
    {
        var connectionString = ConnectionString;
        if (asSource && !IsPostgres)
        {
            var sqlite = new SqliteConnectionStringBuilder(ConnectionString);
            if (!File.Exists(sqlite.DataSource))
            {
                throw DatabaseCopyException.Usage($"{Option}: no SQLite database at {Path.GetFullPath(sqlite.DataSource)}");
            }

            sqlite.Mode = SqliteOpenMode.ReadOnly;
            connectionString = sqlite.ConnectionString;
        }

        var options = new DbContextOptionsBuilder<TradeAlertDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new StorageOptions { Provider = Provider }, connectionString);
        return new TradeAlertDbContext(options.Options);
    }

    /// <summary>True when both name the same database (the copy would read what it deletes).</summary>
    public bool SameDatabaseAs(DatabaseEndpoint other)
    {
        if (Provider != other.Provider)
        {
            return false;
        }

        if (!IsPostgres)
        {
            return Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource)
                == Path.GetFullPath(new SqliteConnectionStringBuilder(other.ConnectionString).DataSource);
        }

        var (a, b) = (new NpgsqlConnectionStringBuilder(ConnectionString), new NpgsqlConnectionStringBuilder(other.ConnectionString));
        return string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port && a.Database == b.Database;
    }
}
