using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TradeAlertBot.IntegrationTests.Fakes;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Telemetry;

namespace TradeAlertBot.IntegrationTests.Specs;

[Collection(ProcessWideMeters.Name)]
public sealed class ObservabilitySpecs : IAsyncLifetime
{
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private FeedServer _server = null!;
    private TradeAlertBotFactory _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FeedServer.StartAsync();
        _host = new TradeAlertBotFactory(_database);
        _ = _host.Server; // start the host: migrate, seed, job server
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private Task PollAsync(long feedId) => _host.RunJobAsync<PollFeedJob>(job => job.RunAsync(feedId, CancellationToken.None));

    [Fact]
    public async Task Metrics_count_a_polled_feed_its_stored_items_and_their_categories()
    {
        _server.Serve("/wire.xml", Rss.Feed("Trade Wire", TradeNews.Tariff, TradeNews.ExportControl, TradeNews.Electricity));
        var feedId = await Scenario.AddFeedAsync(_host, _server.Url("/wire.xml"), due: false);

        await PollAsync(feedId);
        await PollAsync(feedId);

        var metrics = await _host.CreateClient().GetStringAsync("/metrics");
        Assert.Equal(1, Sample(metrics, "tradealertbot_feed_fetches_total", "outcome", "ok"));
        Assert.Equal(1, Sample(metrics, "tradealertbot_feed_fetches_total", "outcome", "not_modified"));
        Assert.Equal(3, Sample(metrics, "tradealertbot_items_stored_total"));
        Assert.Equal(1, Sample(metrics, "tradealertbot_items_category_matches_total", "category", "new-tariffs"));
        Assert.Equal(1, Sample(metrics, "tradealertbot_items_category_matches_total", "category", "export-controls"));
    }

    [Fact]
    public async Task Metrics_count_a_failed_poll_by_its_error_kind()
    {
        _server.Status("/broken.xml", 500);
        var feedId = await Scenario.AddFeedAsync(_host, _server.Url("/broken.xml"), due: false);

        await PollAsync(feedId);
        await _host.Services.GetRequiredService<TelemetryRefresher>().RefreshAsync(CancellationToken.None);

        var metrics = await _host.CreateClient().GetStringAsync("/metrics");
        Assert.Equal(1, Sample(metrics, "tradealertbot_feed_fetches_total", "outcome", "http_status"));
        Assert.Equal(1, Sample(metrics, "tradealertbot_feeds_failing"));
    }

    [Fact]
    public async Task A_paused_destination_turns_health_degraded_and_names_it_and_the_reason()
    {
        var id = await Scenario.AddTestDestinationAsync(_host, "C-PAUSED", "new-tariffs");
        await PauseAsync(id, "channel_not_found: the channel was archived");

        var response = await _host.CreateClient().GetAsync("/healthz");
        var health = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"degraded\"", health);
        Assert.Contains("test C-PAUSED (channel_not_found: the channel was archived)", health);
        await _host.Services.GetRequiredService<TelemetryRefresher>().RefreshAsync(CancellationToken.None);
        Assert.Equal(1, Sample(await _host.CreateClient().GetStringAsync("/metrics"), "tradealertbot_destinations_paused"));
    }

    [Fact]
    public async Task A_paused_webhook_destination_is_named_without_its_secret_url()
    {
        var id = await _host.WithDbAsync(async db =>
        {
            var destination = new Destination { Kind = "teams-webhook", Address = "https://flows.example.com/workflows/abc/triggers/manual?sig=SECRET123" };
            db.Destinations.Add(destination);
            await db.SaveChangesAsync();
            return destination.Id;
        });
        await PauseAsync(id, "the Workflows webhook refused the post");

        var health = await _host.CreateClient().GetStringAsync("/healthz");

        Assert.Contains("\"status\":\"degraded\"", health);
        Assert.Contains("teams-webhook https://flows.example.com/", health);
        Assert.DoesNotContain("SECRET123", health);
    }

    [Fact]
    public async Task A_broken_slack_workspace_token_turns_health_degraded_with_the_reason()
    {
        await _host.WithDbAsync(async db =>
        {
            db.SlackWorkspaces.Add(new SlackWorkspace
            {
                TeamId = "T0BROKEN", Name = "Acme", ProtectedBotToken = "protected", InstalledAt = DateTimeOffset.UtcNow,
                BrokenReason = "token_revoked",
            });
            return await db.SaveChangesAsync();
        });

        var response = await _host.CreateClient().GetAsync("/healthz");
        var health = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"degraded\"", health);
        Assert.Contains("T0BROKEN (Acme): token_revoked", health);
        Assert.DoesNotContain("protected", health);
    }

    [Fact]
    public async Task Health_is_healthy_when_nothing_is_paused_broken_or_failing()
    {
        var health = await _host.CreateClient().GetStringAsync("/healthz");

        Assert.StartsWith("{\"status\":\"healthy\"", health);
    }

    private Task PauseAsync(long destinationId, string reason) => _host.WithDbAsync(async db =>
    {
        var destination = await db.Destinations.FindAsync(destinationId);
        (destination!.Paused, destination.PausedReason, destination.PausedAt) = (true, reason, DateTimeOffset.UtcNow);
        return await db.SaveChangesAsync();
    });

    /// <summary>The value of one Prometheus sample, chosen by name and (optionally) one label; fails if absent.</summary>
    private static double Sample(string exposition, string name, string? label = null, string? value = null)
    {
        var labels = label is null ? @"(\{[^}]*\})?" : $@"\{{[^}}]*\b{label}=""{Regex.Escape(value!)}""[^}}]*\}}";
        var match = Regex.Match(exposition, $@"^{name}{labels} (?<value>\S+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no sample {name} {label}={value} in:\n{exposition}");
        return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
    }
}
