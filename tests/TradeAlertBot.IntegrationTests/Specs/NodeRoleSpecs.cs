using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// Web and worker nodes on one PostgreSQL database and one Hangfire storage: the web node serves HTTP and enqueues,
/// the worker runs the jobs and serves only its probes, and /healthz says which node answered and what it reaches.
/// </summary>
public sealed class NodeRoleSpecs : IAsyncLifetime
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");
    private readonly List<(TradeAlertBotFactory Host, string Database)> _hosts = [];
    private FeedServer _feeds = null!;

    public async Task InitializeAsync() => _feeds = await FeedServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var (host, database) in _hosts)
        {
            await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }

        await _feeds.DisposeAsync();
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    /// <summary>The settings every node of one installation shares: one PostgreSQL database, jobs in it, one key ring.</summary>
    private async Task<Dictionary<string, string>> OneInstallationAsync() => new()
    {
        ["Storage:Provider"] = "postgres",
        ["ConnectionStrings:Default"] = await TestPostgres.NewDatabaseAsync(),
        ["Hangfire:Storage"] = JobsOptions.Postgres,
        ["DataProtection:KeysPath"] = _keys,
    };

    private TradeAlertBotFactory Start(string role, Dictionary<string, string> installation, Dictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string>(installation) { ["Node:Role"] = role };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        var database = TradeAlertBotFactory.NewDatabasePath(); // only names the host's scratch files on PostgreSQL
        var host = new TradeAlertBotFactory(database, settings: settings);
        lock (_hosts)
        {
            _hosts.Add((host, database));
        }

        _ = host.Server; // start: migrate, seed, and (unless web) the job servers
        return host;
    }

    private static async Task<JsonElement> HealthAsync(TradeAlertBotFactory host, HttpStatusCode expected)
    {
        var response = await host.CreateClient().GetAsync("/healthz");
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string Status(JsonElement health, string check) =>
        health.GetProperty("checks").GetProperty(check).GetProperty("status").GetString()!;

    [Fact]
    public async Task A_job_scheduled_before_a_restart_runs_after_it()
    {
        var installation = await OneInstallationAsync();
        var before = Start("all", installation);
        var id = before.Services.GetRequiredService<IBackgroundJobClient>()
            .Schedule<Deliveries.HeldAlertsJob>(job => job.RunAsync(CancellationToken.None), TimeSpan.FromSeconds(5));
        await before.DisposeAsync(); // the node stops before the job is due; the job waits in PostgreSQL

        var after = Start("all", installation);
        var monitor = after.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await after.WaitUntilAsync(_ => Task.FromResult(monitor.JobDetails(id).History.FirstOrDefault()?.StateName == SucceededState.StateName));

        Assert.Contains(monitor.JobDetails(id).History, h => h.StateName == ScheduledState.StateName);
    }

    [Fact]
    public async Task A_web_node_runs_no_job_server_and_a_worker_runs_the_jobs_it_enqueues()
    {
        var installation = await OneInstallationAsync();
        var web = Start("web", installation);
        var monitor = web.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.Empty(monitor.Servers());
        _feeds.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff));
        await Scenario.AddFeedAsync(web, _feeds.Url("/wire.xml"));
        await Scenario.AddTestDestinationAsync(web, "C-TARIFFS", "new-tariffs");

        var job = web.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<DispatchFeedsJob>(j => j.RunAsync(CancellationToken.None));
        var worker = Start("worker", installation);

        await web.WaitUntilAsync(_ => Task.FromResult(monitor.JobDetails(job).History.Any(h => h.StateName == SucceededState.StateName)));
        await web.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.State == DeliveryState.Sent && d.Destination!.Address == "C-TARIFFS"));
        Assert.Contains(worker.Sender.Sent, s => s.Address == "C-TARIFFS" && s.Alert.Title == TradeNews.Tariff.Title);
        Assert.Empty(web.Sender.Sent);
        // The job ran on one of the worker's two servers (alerts, queries): the web node added none.
        var ranOn = monitor.JobDetails(job).History.Single(h => h.StateName == ProcessingState.StateName).Data["ServerId"];
        Assert.Equal(2, monitor.Servers().Count);
        Assert.Contains(monitor.Servers(), s => s.Name == ranOn);
    }

    [Fact]
    public async Task A_worker_serves_health_and_metrics_but_no_page_chat_endpoint_or_admin_page()
    {
        var worker = Start("worker", await OneInstallationAsync(), new()
        {
            ["Admin:Token"] = "correct-horse-battery-staple",
            ["Slack:SigningSecret"] = "test-signing-secret",
            ["Slack:BotToken"] = "xoxb-test-token",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Teams:AppId"] = "app",
            ["Teams:AppPassword"] = "pw",
            ["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:9/openid",
            ["Admin:Oidc:Authority"] = "http://127.0.0.1:9",
            ["Admin:Oidc:ClientId"] = "console",
            ["Admin:Oidc:ClientSecret"] = "secret",
            ["Admin:Oidc:AllowedDomains:0"] = "example.com",
        });
        using var client = worker.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/", "/api/alerts", "/events", "/admin", "/admin/login", "/admin/jobs", "/slack/install", "/admin/signin-oidc?code=x&state=y" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }

        foreach (var path in new[] { "/slack/commands", "/slack/events", "/api/messages" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(path, new StringContent("{}"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
        var health = await HealthAsync(worker, HttpStatusCode.OK);
        Assert.Equal("worker", health.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Health_names_the_role_and_storage_and_a_web_node_without_workers_is_degraded_until_one_starts()
    {
        var installation = await OneInstallationAsync();
        var web = Start("web", installation);

        var alone = await HealthAsync(web, HttpStatusCode.OK);

        Assert.Equal("degraded", alone.GetProperty("status").GetString());
        Assert.Equal("web", alone.GetProperty("role").GetString());
        Assert.Equal("postgres", alone.GetProperty("storage").GetString());
        Assert.Equal("postgres", alone.GetProperty("jobs").GetString());
        Assert.Equal("healthy", Status(alone, "database"));
        Assert.Equal("degraded", Status(alone, "jobs"));

        Start("worker", installation);
        var monitor = web.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await web.WaitUntilAsync(_ => Task.FromResult(monitor.Servers().Count > 0));
        var served = await HealthAsync(web, HttpStatusCode.OK);
        Assert.Equal("healthy", Status(served, "jobs"));
    }

    [Fact]
    public async Task Health_answers_503_when_the_job_storage_becomes_unreachable()
    {
        var installation = await OneInstallationAsync();
        var jobsDatabase = await TestPostgres.NewDatabaseAsync();
        var web = Start("web", installation, new() { ["ConnectionStrings:Hangfire"] = jobsDatabase });
        Start("worker", installation, new() { ["ConnectionStrings:Hangfire"] = jobsDatabase });
        var monitor = web.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await web.WaitUntilAsync(_ => Task.FromResult(monitor.Servers().Count > 0));
        Assert.Equal("healthy", Status(await HealthAsync(web, HttpStatusCode.OK), "jobs"));

        await CloseDatabaseAsync(jobsDatabase);

        var health = await HealthAsync(web, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("unhealthy", Status(health, "jobs"));
        Assert.Equal("healthy", Status(health, "database"));
    }

    [Fact]
    public async Task Nodes_starting_together_on_a_new_database_all_start_and_seed_it_once()
    {
        var installation = await OneInstallationAsync();
        var nodes = new[] { "web", "worker", "worker" }.Select(role => Task.Run(() => Start(role, installation))).ToArray();

        await Task.WhenAll(nodes);

        var web = await nodes[0];
        // The first start seeds the console and web-page destinations and the category rules; the others find them.
        Assert.Equal(2, await web.WithDbAsync(db => db.Destinations.CountAsync()));
        var rules = await web.WithDbAsync(db => db.Rules.Select(r => r.Name).ToListAsync());
        Assert.NotEmpty(rules);
        Assert.Equal(rules.Count, rules.Distinct().Count());
    }

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public async Task A_web_or_worker_node_with_jobs_in_memory_refuses_to_start(string role)
    {
        var database = TradeAlertBotFactory.NewDatabasePath();

        var error = await FailedStart.ErrorAsync(database, new Dictionary<string, string> { ["Node:Role"] = role });
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(database);

        Assert.NotNull(error);
        Assert.Contains($"Node:Role '{role}' needs Hangfire:Storage 'postgres'", Messages(error));
    }

    /// <summary>No new connection to <paramref name="connectionString"/>'s database, and the open ones cut.</summary>
    private static async Task CloseDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await admin.OpenAsync();
        await using var close = new NpgsqlCommand(
            $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false; " +
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'", admin);
        await close.ExecuteNonQueryAsync();
    }

    private static string Messages(Exception error) => error switch
    {
        AggregateException all => string.Join("\n", all.InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => error.Message + "\n" + Messages(inner),
        _ => error.Message,
    };
}
