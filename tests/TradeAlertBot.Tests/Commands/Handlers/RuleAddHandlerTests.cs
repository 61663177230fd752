using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class RuleAddHandlerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_rule_is_stored_with_its_query_as_typed_and_who_added_it()
    {
        await using var db = _database.Open();

        var reply = await Handler(db).HandleAsync(Parse("rule add Steel-Watch  \"steel tariff\"  AND (VN OR MX)"), Channel, CancellationToken.None);

        var rule = await _database.Open().Rules.SingleAsync();
        Assert.Equal(("steel-watch", "\"steel tariff\"  AND (VN OR MX)", "slack:T1/U1"), (rule.Name, rule.Query, rule.CreatedBy));
        Assert.StartsWith("Added rule steel-watch;", reply.Plain());
        Assert.Contains(reply.Blocks[0].Spans, s => s is ReplySpan.Code { Value: "subscribe steel-watch" });
    }

    [Fact]
    public async Task A_query_with_a_syntax_error_stores_nothing()
    {
        await using var db = _database.Open();

        await Assert.ThrowsAsync<RuleSyntaxException>(() => Handler(db).HandleAsync(Parse("rule add steel steel AND"), Channel, CancellationToken.None));

        Assert.Equal(0, await _database.Open().Rules.CountAsync());
    }

    [Theory]
    [InlineData("rule add steel", "Give a rule name and a query.")]
    [InlineData("rule add steel_watch steel", "`steel_watch` is not a rule name")]
    public async Task A_missing_query_or_a_bad_name_is_a_usage_error(string text, string message)
    {
        await using var db = _database.Open();

        var error = await Assert.ThrowsAsync<UsageException>(() => Handler(db).HandleAsync(Parse(text), Channel, CancellationToken.None));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public async Task A_taken_name_is_refused_and_points_to_rule_edit()
    {
        await using var db = _database.Open();
        await Handler(db).HandleAsync(Parse("rule add steel steel"), Channel, CancellationToken.None);

        var error = await Assert.ThrowsAsync<UsageException>(() => Handler(db).HandleAsync(Parse("rule add steel tariff"), Channel, CancellationToken.None));

        Assert.Equal("A rule `steel` exists already; change it with `rule edit steel QUERY`.", error.Message);
    }

    private RuleAddHandler Handler(TradeAlertDbContext db) => new(new RuleRegistration(db, _time, AuditOn(db, _time)));
}
