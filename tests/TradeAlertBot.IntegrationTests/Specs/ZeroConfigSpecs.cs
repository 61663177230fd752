using System.Text.Json;

namespace TradeAlertBot.IntegrationTests.Specs;

public sealed class ZeroConfigSpecs : IAsyncLifetime
{
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private TradeAlertBotFactory _host = null!;

    public Task InitializeAsync()
    {
        _host = new TradeAlertBotFactory(_database, useSamples: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task With_no_settings_the_sample_feeds_produce_alerts_on_the_local_page_within_a_minute()
    {
        var client = _host.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement alerts;
        do
        {
            await Task.Delay(250);
            alerts = JsonDocument.Parse(await client.GetStringAsync("/api/alerts")).RootElement;
        }
        while (alerts.GetArrayLength() == 0 && DateTime.UtcNow < deadline);

        Assert.True(alerts.GetArrayLength() > 0, "no alert within a minute of start");
        var first = alerts[0];
        Assert.NotEmpty(first.GetProperty("reasons").EnumerateArray());
        var page = await client.GetStringAsync("/");
        // Compared as text: encoders may spell an apostrophe &#39; or &#x27;.
        Assert.Contains(first.GetProperty("title").GetString()!, System.Net.WebUtility.HtmlDecode(page));
        Assert.Contains("\"status\":\"healthy\"", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task The_live_stream_answers_as_server_sent_events()
    {
        var client = _host.CreateClient();
        using var response = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }
}
