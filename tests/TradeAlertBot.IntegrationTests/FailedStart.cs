namespace TradeAlertBot.IntegrationTests;

/// <summary>
/// Starts the service with <paramref name="settings"/> on a SQLite file, for specs of a start-up that must fail. The
/// host is built and started directly rather than through WebApplicationFactory: when start-up fails, the factory's
/// deferred host can report its disposed service provider ("Cannot access a disposed object") instead of the failure.
/// </summary>
internal static class FailedStart
{
    /// <summary>The exception start-up ended with, or null when the service started (it is stopped again).</summary>
    public static async Task<Exception?> ErrorAsync(string databasePath, IReadOnlyDictionary<string, string> settings)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            $"--ConnectionStrings:Default=Data Source={databasePath}",
            "--Feeds:UseSamples=false",
            $"--DataProtection:KeysPath={databasePath}.keys",
            .. settings.Select(s => $"--{s.Key}={s.Value}"),
        ];
        WebApplication? app = null;
        try
        {
            app = Hosting.ServiceHost.Build(args);
            await app.StartAsync();
            await app.StopAsync();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }
}
