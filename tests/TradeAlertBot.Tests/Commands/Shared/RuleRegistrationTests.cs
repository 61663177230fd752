using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Tests.Commands.Handlers;

namespace TradeAlertBot.Tests.Commands.Shared;

public sealed class RuleRegistrationTests : IAsyncLifetime
{
    private static readonly AuditActor Alice = new("slack:T1/UALICE");
    private static readonly AuditActor Bob = new("web:admin/0011AABB");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Each_change_keeps_a_numbered_version_with_who_when_and_why_and_an_audit_entry()
    {
        await using var db = _database.Open();
        var rules = Registration(db);

        Assert.Equal(1, await rules.AddAsync("steel", "steel", Alice, "new desk", CancellationToken.None));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, await rules.EditAsync("steel", "steel OR aluminium", Bob, "aluminium too", CancellationToken.None));

        var versions = await _database.Open().RuleVersions.OrderBy(v => v.Version).ToListAsync();
        Assert.Equal(
            [(1, RuleChange.Created, "steel", "slack:T1/UALICE", "new desk", _time.GetUtcNow().AddHours(-1)), (2, RuleChange.Edited, "steel OR aluminium", "web:admin/0011AABB", "aluminium too", _time.GetUtcNow())],
            versions.Select(v => (v.Version, v.Change, v.Query, v.Author, v.Reason, v.At)));
        var audit = await _database.Open().AuditLog.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [("slack:T1/UALICE", AuditAction.RuleAdd, "rule steel v1", null, "steel"), ("web:admin/0011AABB", AuditAction.RuleEdit, "rule steel v2", "steel", "steel OR aluminium")],
            audit.Select(e => (e.Actor, e.Action, e.Target, e.Before, e.After)));
    }

    [Fact]
    public async Task A_seeded_rule_gets_its_text_as_a_baseline_version_before_its_first_edit_so_a_revert_can_reach_it()
    {
        await SeedAsync("new-tariffs", "tariff*");
        await using var db = _database.Open();

        var edited = await Registration(db).EditAsync("new-tariffs", "tariff* OR duty", Alice, null, CancellationToken.None);
        var reverted = await Registration(db).RevertAsync("new-tariffs", 1, Bob, null, CancellationToken.None);

        Assert.Equal((2, 3), (edited, reverted));
        var versions = await _database.Open().RuleVersions.OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([RuleChange.Baseline, RuleChange.Edited, RuleChange.Reverted], versions.Select(v => v.Change));
        Assert.Equal(("seed", "tariff*"), (versions[0].Author, versions[0].Query));
        Assert.Equal(("tariff*", "back to version 1"), (versions[2].Query, versions[2].Reason));
        Assert.Equal("tariff*", (await _database.Open().Rules.SingleAsync()).Query);
        Assert.Contains(await _database.Open().AuditLog.ToListAsync(), e => e is { Action: AuditAction.RuleRevert, Before: "tariff* OR duty", After: "tariff*" });
    }

    [Fact]
    public async Task A_removed_rule_keeps_its_history_and_a_new_rule_of_that_name_continues_the_numbering()
    {
        await using var db = _database.Open();
        await Registration(db).AddAsync("steel", "steel", Alice, null, CancellationToken.None);

        await Registration(db).RemoveAsync("steel", Alice, "desk closed", CancellationToken.None);
        var again = await Registration(db).AddAsync("steel", "steel AND VN", Bob, null, CancellationToken.None);

        Assert.Equal(3, again);
        var versions = await _database.Open().RuleVersions.OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([(RuleChange.Created, "steel"), (RuleChange.Removed, "steel"), (RuleChange.Created, "steel AND VN")], versions.Select(v => (v.Change, v.Query)));
        Assert.Equal("desk closed", versions[1].Reason);
    }

    [Fact]
    public async Task A_refused_change_stores_neither_a_version_nor_an_audit_entry()
    {
        await using var db = _database.Open();
        await Registration(db).AddAsync("steel", "steel", Alice, null, CancellationToken.None);

        await Assert.ThrowsAsync<RuleSyntaxException>(() => Registration(db).EditAsync("steel", "steel AND", Alice, null, CancellationToken.None));
        var same = await Assert.ThrowsAsync<UsageException>(() => Registration(db).EditAsync("steel", "steel", Alice, null, CancellationToken.None));
        await Assert.ThrowsAsync<UsageException>(() => Registration(db).RevertAsync("steel", 7, Alice, null, CancellationToken.None));

        Assert.Equal("Rule `steel` has that query already; nothing changed.", same.Message);
        Assert.Equal(1, await _database.Open().RuleVersions.CountAsync());
        Assert.Equal(1, await _database.Open().AuditLog.CountAsync());
    }

    private RuleRegistration Registration(TradeAlertDbContext db) => new(db, _time, new AuditLog(db, _time));

    private async Task SeedAsync(string name, string query)
    {
        await using var db = _database.Open();
        db.Rules.Add(new WatchRule { Name = name, Query = query, IsCategory = true, UpdatedAt = _time.GetUtcNow().AddDays(-30) });
        await db.SaveChangesAsync();
    }
}
