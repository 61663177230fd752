using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Cli;

public sealed class DeliveriesCommandTests : IAsyncLifetime
{
    private OutboxDatabase _db = null!;

    public async Task InitializeAsync() => _db = await OutboxDatabase.CreateAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_list_shows_every_row_newest_first_with_its_story_destination_and_last_error()
    {
        var run = await _db.RunAsync("deliveries", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("ID", run.OutLines[0]);
        Assert.Contains("LAST ERROR", run.OutLines[0]);
        Assert.StartsWith(_db.Ids["hook-sent"].ToString(), run.OutLines[1]);
        var dead = Assert.Single(run.OutLines, l => l.StartsWith($"{_db.Ids["desk-dead"]} "));
        Assert.Matches(@"dead\s+8\s+slack:C0DESK\s+Story 4: desk-dead tariff notice\s+2025-04-03 11:04Z\s+slack: channel_not_found", dead);
        Assert.Equal("9 delivery(ies)", run.OutLines[^1]);
    }

    [Theory]
    [InlineData("pending", 3)]
    [InlineData("sending", 1)]
    [InlineData("SENT", 2)]
    [InlineData("failed", 1)]
    [InlineData("dead", 2)]
    public async Task The_list_filters_by_state(string state, int count)
    {
        var run = await _db.RunAsync("deliveries", "list", "--state", state);

        var rows = run.OutLines[1..^1];
        Assert.Equal(count, rows.Length);
        Assert.All(rows, r => Assert.Matches($@"^\d+\s+{state.ToLowerInvariant()}\s", r));
        Assert.Equal($"{count} delivery(ies)", run.OutLines[^1]);
    }

    [Fact]
    public async Task The_list_filters_by_destination_given_as_kind_and_address_or_id()
    {
        var byAddress = await _db.RunAsync("deliveries", "list", "--destination", OutboxDatabase.Webhook, "--state", "dead");
        var byId = await _db.RunAsync("deliveries", "list", "--destination", _db.Ids["desk"].ToString());

        Assert.Equal($"{_db.Ids["hook-dead"]}", Assert.Single(byAddress.OutLines[1..^1]).Split(' ')[0]);
        Assert.Equal(5, byId.OutLines[1..^1].Length);
        Assert.All(byId.OutLines[1..^1], r => Assert.Contains("slack:C0DESK", r));
    }

    [Fact]
    public async Task The_limit_keeps_the_newest_rows_and_says_how_many_there_are()
    {
        var run = await _db.RunAsync("deliveries", "list", "--limit", "2");

        Assert.Equal(2, run.OutLines[1..^1].Length);
        Assert.Equal("2 of 9 delivery(ies); --limit shows more", run.OutLines[^1]);
    }

    [Fact]
    public async Task Replaying_a_dead_delivery_puts_it_back_to_pending_with_attempts_reset()
    {
        var run = await _db.RunAsync("deliveries", "replay", _db.Ids["desk-dead"].ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("replayed 1 delivery(ies)", run.Out);
        var row = await _db.DeliveryAsync("desk-dead");
        Assert.Equal(DeliveryState.Pending, row.State);
        Assert.Equal(0, row.Attempts);
        Assert.Null(row.ClaimedUntil);
    }

    [Fact]
    public async Task Replaying_a_sent_delivery_skips_it_and_leaves_it_unchanged()
    {
        var before = await _db.DeliveryAsync("desk-sent");

        var run = await _db.RunAsync("deliveries", "replay", _db.Ids["desk-sent"].ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"skipped {_db.Ids["desk-sent"]}: already sent at 2025-04-03 11:10Z", run.Out);
        Assert.Contains("replayed 0 delivery(ies)", run.Out);
        var after = await _db.DeliveryAsync("desk-sent");
        Assert.Equal((DeliveryState.Sent, 1, before.SentAt, "msg-2"), (after.State, after.Attempts, after.SentAt, after.MessageId));
    }

    [Fact]
    public async Task Replaying_a_row_a_worker_is_sending_now_skips_it()
    {
        var run = await _db.RunAsync("deliveries", "replay", _db.Ids["desk-sending"].ToString());

        Assert.Contains("a worker is sending it now", run.Out);
        Assert.Equal(DeliveryState.Sending, (await _db.DeliveryAsync("desk-sending")).State);
    }

    [Fact]
    public async Task Replaying_a_destination_resets_its_unsent_rows_only_and_points_at_its_pause()
    {
        var run = await _db.RunAsync("deliveries", "replay", "--destination", OutboxDatabase.Webhook);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("replayed 3 delivery(ies)", run.Out);
        Assert.Contains($"skipped {_db.Ids["hook-sent"]}: already sent", run.Out);
        Assert.Contains($"destinations resume {OutboxDatabase.Webhook}", run.Out);
        foreach (var key in new[] { "hook-held-1", "hook-held-2", "hook-dead" })
        {
            var row = await _db.DeliveryAsync(key);
            Assert.Equal((DeliveryState.Pending, 0), (row.State, row.Attempts));
        }

        Assert.Equal(DeliveryState.Sent, (await _db.DeliveryAsync("hook-sent")).State);
        Assert.Equal(DeliveryState.Dead, (await _db.DeliveryAsync("desk-dead")).State);
    }

    [Theory]
    [InlineData("list --state lost", "--state must be one of pending, sending, sent, failed, dead, not 'lost'")]
    [InlineData("list --state 2", "--state must be one of")]
    [InlineData("list --limit 0", "--limit must be at least 1")]
    [InlineData("list --destination 999", "no destination '999'")]
    [InlineData("list --destination slack", "'slack' is not a destination id or KIND:ADDRESS")]
    [InlineData("replay", "give a delivery ID or --destination")]
    [InlineData("replay 1 --destination slack:C0DESK", "give a delivery ID or --destination, not both")]
    [InlineData("replay 999", "no delivery 999")]
    [InlineData("replay --destination slack:C0NOPE", "no destination 'slack:C0NOPE'")]
    public async Task Bad_arguments_are_refused_with_a_reason_and_exit_code_2(string args, string message)
    {
        var run = await _db.RunAsync(["deliveries", .. args.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Equal(DeliveryState.Dead, (await _db.DeliveryAsync("desk-dead")).State);
    }
}
