using System.Diagnostics;
using Npgsql;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// The PostgreSQL server the provider tests run against: the one in TRADEALERTBOT_TEST_POSTGRES (.ci/run starts
/// it), else, outside CI, a throwaway cluster this test process starts with tools/pg-throwaway.sh and stops at exit.
/// Under CI=true a missing variable fails the test: CI must prove PostgreSQL works, not skip it.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "TRADEALERTBOT_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartServerAsync);

    /// <summary>A new, empty database on the server; its connection string.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        var server = await Server.Value;
        var name = "t_" + Guid.NewGuid().ToString("n");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> StartServerAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"postgres: {Variable} is not set under CI=true; .ci/run starts a cluster and sets it");
        }

        var script = FindScript();
        var folder = Path.Combine(Path.GetTempPath(), $"tab-pg-{Guid.NewGuid():n}");
        var started = await RunAsync(script, "start", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAsync(script, "stop", folder).GetAwaiter().GetResult();
        return started.Trim();
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "pg-throwaway.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"postgres: {Variable} is not set and tools/pg-throwaway.sh was not found");
    }

    private static async Task<string> RunAsync(string script, string action, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, action, folder])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("postgres: could not run " + script);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres: {script} {action} failed: {await error}");
        }

        return await output;
    }
}
