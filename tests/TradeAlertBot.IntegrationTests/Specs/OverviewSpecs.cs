using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Specs;

public sealed class OverviewSpecs
{
    [Fact]
    public async Task The_overview_names_failing_feeds_paused_destinations_and_broken_workspaces()
    {
        await using var console = await SignedInConsole.StartAsync();
        await console.Host.WithDbAsync(async db =>
        {
            db.Feeds.Add(new Feed { Url = "http://127.0.0.1:9/broken.xml", Title = "Broken Wire", ConsecutiveErrors = 4, LastError = "fetch: HTTP 503", NextPollAt = DateTimeOffset.MaxValue.AddYears(-1) });
            db.Destinations.Add(new Destination { Kind = "test", Address = "C-PAUSED", Name = "#trade-desk", Paused = true, PausedReason = "channel archived" });
            db.SlackWorkspaces.Add(new SlackWorkspace { TeamId = "T0BROKEN", Name = "Acme", ProtectedBotToken = "x", BrokenReason = "invalid_auth" });
            return await db.SaveChangesAsync();
        });
        await console.SignInAsync();

        var page = await console.GetPageAsync("/admin");

        Assert.Contains("Broken Wire</a> failed 4 times in a row: fetch: HTTP 503", page);
        Assert.Contains("#trade-desk</a> is paused: channel archived", page);
        Assert.Contains("Slack workspace T0BROKEN (Acme): invalid_auth", page);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_overview_charts_alerts_per_category_and_shows_latency_outbox_depth_and_the_last_alerts(string provider)
    {
        await using var console = await SignedInConsole.StartAsync(provider);
        var steel = await ConsoleSeed.AddStoryAsync(console.Host, "US raises steel tariffs", "", 0.1, "new-tariffs");
        await ConsoleSeed.AddStoryAsync(console.Host, "<img src=x onerror=alert(1)> sanctions list", "", 3, "sanctions", "new-tariffs");
        await ConsoleSeed.AddSentAsync(console.Host, steel, "#trade-desk", TimeSpan.FromSeconds(12));
        await console.SignInAsync();

        var page = await console.GetPageAsync("/admin");

        Assert.Contains("aria-label=\"Alerts per category per day: 3 alerts from", page);
        Assert.Contains("new-tariffs (2)", page);
        Assert.Contains("<div class=\"big\">12 s</div>median wait", page);
        Assert.Contains("<tr><th scope=\"row\">sent</th><td>1</td></tr>", page);
        Assert.Contains("<tr><th scope=\"row\">pending</th><td>0</td></tr>", page);
        Assert.Contains("rel=\"noopener noreferrer\">US raises steel tariffs</a>", page);
        Assert.Contains("<td>#trade-desk</td>", page);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; sanctions list", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.Equal(2, await console.Host.WithDbAsync(db => db.Stories.CountAsync()));
    }
}
