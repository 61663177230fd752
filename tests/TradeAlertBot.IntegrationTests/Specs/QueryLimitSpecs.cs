using TradeAlertBot.Commands;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Scans of stored items (search, rule test) are rationed per person and cut short at their time budget.</summary>
public sealed class QueryLimitSpecs : IAsyncLifetime
{
    private static readonly CommandContext Alice = new("slack", "slack", "C-TRADE", "U-ALICE", "T-ACME");
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private TradeAlertBotFactory _host = null!;

    public Task InitializeAsync()
    {
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Commands:QueriesPerUser"] = "5",
            ["Commands:QueryWindow"] = "00:01:00",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task My_sixth_search_in_a_minute_is_told_to_slow_down_and_others_can_still_search()
    {
        var replies = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            replies.Add(await RunAsync(Alice, "search steel"));
        }

        Assert.All(replies.Take(5), r => Assert.DoesNotContain("Slow down", r));
        Assert.Matches("^Slow down.*try again in \\d+ s", replies[^1]);
        Assert.DoesNotContain("Slow down", await RunAsync(Alice with { UserId = "U-BOB" }, "search steel"));
        Assert.DoesNotContain("Slow down", await RunAsync(Alice, "help")); // only scans are rationed
    }

    private async Task<string> RunAsync(CommandContext context, string text)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var reply = await scope.ServiceProvider.GetRequiredService<CommandRouter>().RunAsync(context, text, CancellationToken.None);
        return PlainReplyText.Render(reply);
    }
}
