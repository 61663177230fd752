namespace TradeAlertBot.Tests.Cli;

public sealed class DestinationsCommandTests : IAsyncLifetime
{
    private OutboxDatabase _db = null!;

    public async Task InitializeAsync() => _db = await OutboxDatabase.CreateAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_list_shows_subscriptions_state_and_pending_alerts_of_each_destination()
    {
        var run = await _db.RunAsync("destinations", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^ID\s+KIND\s+ADDRESS\s+NAME\s+SUBS\s+STATE\s+PENDING$", run.OutLines[0]);
        Assert.Matches(@"slack\s+C0DESK\s+trade-desk\s+2\s+ok\s+1$", run.OutLines[1]);
        Assert.Matches(@"teams-webhook\s+https://hooks.example.com/workflows/1\s+Teams Workflows webhook\s+1\s+paused: teams: webhook gone \(404\)\s+2$", run.OutLines[2]);
        Assert.Matches(@"console\s+stdout\s+0\s+muted until 2025-04-03 14:00Z; digest daily 08:00, next 2025-04-04 08:00Z\s+0$", run.OutLines[3]);
        Assert.Equal("3 destination(s)", run.OutLines[^1]);
    }

    [Fact]
    public async Task Resuming_a_paused_destination_clears_the_pause_and_says_how_many_alerts_it_held()
    {
        var run = await _db.RunAsync("destinations", "resume", OutboxDatabase.Webhook);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"resumed {OutboxDatabase.Webhook}; 2 held alert(s) go out with the next sweep", run.Out);
        var destination = await _db.DestinationAsync("webhook");
        Assert.Equal((false, null, null), (destination.Paused, destination.PausedReason, destination.PausedAt));
    }

    [Fact]
    public async Task Resuming_by_id_a_destination_that_is_not_paused_changes_nothing()
    {
        var run = await _db.RunAsync("destinations", "resume", _db.Ids["desk"].ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("slack:C0DESK is not paused", run.Out);
    }

    [Theory]
    [InlineData("slack:C0NOPE", "no destination 'slack:C0NOPE'")]
    [InlineData("nonsense", "'nonsense' is not a destination id or KIND:ADDRESS")]
    public async Task Resuming_an_unknown_destination_is_refused_with_exit_code_2(string destination, string message)
    {
        var run = await _db.RunAsync("destinations", "resume", destination);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.True((await _db.DestinationAsync("webhook")).Paused);
    }
}
