using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class RuleHistoryHandlerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Rule_edit_with_a_reason_then_history_lists_the_versions_newest_first_with_who_and_why()
    {
        await using var db = _database.Open();
        await RunAsync(db, "rule add steel steel");
        _time.Advance(TimeSpan.FromMinutes(5));
        var edit = await RunAsync(db, "rule edit steel steel OR aluminium --reason \"aluminium too\"");

        var reply = (await RunAsync(db, "rule history steel")).Plain();

        Assert.Contains("Changed rule steel (version 2)", edit.Plain());
        Assert.Contains(edit.Blocks[0].Spans, s => s is ReplySpan.Code { Value: "rule revert steel 1" });
        Assert.StartsWith("Rule steel: 2 version(s):", reply);
        Assert.True(reply.IndexOf("v2 edited by slack:T1/U1, 2026-03-20 12:05Z — aluminium too: steel OR aluminium", StringComparison.Ordinal)
                    < reply.IndexOf("v1 created by slack:T1/U1, 2026-03-20 12:00Z: steel", StringComparison.Ordinal), reply);
        Assert.Contains("v1 created", reply);
    }

    [Fact]
    public async Task History_with_a_version_shows_the_lines_it_removed_and_added()
    {
        await using var db = _database.Open();
        await RunAsync(db, "rule add steel steel");
        await RunAsync(db, "rule edit steel steel OR aluminium");

        var reply = await RunAsync(db, "rule history steel 2");

        Assert.Equal(["- steel", "+ steel OR aluminium"], reply.Blocks.Skip(1).Select(b => Assert.IsType<ReplySpan.Code>(Assert.Single(b.Spans)).Value));
    }

    [Fact]
    public async Task Revert_gives_the_rule_an_old_query_as_a_new_version()
    {
        await using var db = _database.Open();
        await RunAsync(db, "rule add steel steel");
        await RunAsync(db, "rule edit steel steel OR aluminium");

        var reply = await RunAsync(db, "rule revert steel 1 --reason too noisy");

        Assert.Equal("Rule steel has version 1's query again (now version 3); it applies from the next poll on.", reply.Plain());
        Assert.Equal("steel", (await _database.Open().Rules.SingleAsync()).Query);
        var latest = await _database.Open().RuleVersions.OrderByDescending(v => v.Version).FirstAsync();
        Assert.Equal((3, RuleChange.Reverted, "too noisy"), (latest.Version, latest.Change, latest.Reason));
    }

    [Theory]
    [InlineData("rule history nope", "There is no rule `nope` and none had that name")]
    [InlineData("rule history steel 9", "Rule `steel` has no version 9")]
    [InlineData("rule history steel two", "`two` is not a version number.")]
    [InlineData("rule revert steel", "Give a rule name and a version number")]
    [InlineData("rule revert steel 9", "Rule `steel` has no version 9")]
    public async Task Unknown_rules_and_versions_are_usage_errors(string text, string message)
    {
        await using var db = _database.Open();
        await RunAsync(db, "rule add steel steel");

        var error = await Assert.ThrowsAsync<UsageException>(() => RunAsync(db, text));

        Assert.StartsWith(message, error.Message);
    }

    private Task<CommandReply> RunAsync(TradeAlertDbContext db, string text)
    {
        var command = Parse(text);
        var rules = new RuleRegistration(db, _time, new AuditLog(db, _time));
        ICommandHandler handler = command.Spec.Name switch
        {
            "rule add" => new RuleAddHandler(rules),
            "rule edit" => new RuleEditHandler(rules),
            "rule revert" => new RuleRevertHandler(rules),
            _ => new RuleHistoryHandler(new RuleHistory(db)),
        };
        return handler.HandleAsync(command, Channel, CancellationToken.None);
    }
}
