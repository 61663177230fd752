using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// Adding, changing, reverting and removing watch rules: the one code chat's <c>rule …</c> commands, the admin page
/// and the command line share. Each change stores a <see cref="RuleVersion"/> (text, who, when, why) and an audit
/// entry in the same <c>SaveChanges</c> as the change itself.
/// </summary>
public sealed class RuleRegistration(TradeAlertDbContext db, TimeProvider time, AuditLog audit)
{
    /// <summary>Stores a new watch rule as its first version (or the next, when a removed rule's name is used again).</summary>
    /// <exception cref="UsageException">The name is not a rule name, or is taken.</exception>
    /// <exception cref="RuleSyntaxException">The query is not a valid rule; nothing is stored.</exception>
    public async Task<int> AddAsync(string name, string query, AuditActor actor, string? reason, CancellationToken ct)
    {
        RuleArguments.RequireName(name);
        if (await db.Rules.AnyAsync(r => r.Name == name, ct))
        {
            throw new UsageException($"A rule `{name}` exists already; change it with `rule edit {name} QUERY`.");
        }

        Rule.Parse(name, query); // a syntax error becomes the reply; nothing is stored
        var now = time.GetUtcNow();
        db.Rules.Add(new WatchRule { Name = name, Query = query, CreatedBy = actor.Id, UpdatedAt = now });
        var version = (await LatestAsync(name, ct))?.Version + 1 ?? 1;
        AddVersion(name, version, RuleChange.Created, query, actor, reason, now);
        audit.Stage(actor, AuditAction.RuleAdd, Target(name, version), null, query);
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>Gives a rule a new query; returns the new version's number.</summary>
    /// <exception cref="UsageException">There is no such rule, or it has that query already.</exception>
    /// <exception cref="RuleSyntaxException">The query is not a valid rule; nothing is changed.</exception>
    public async Task<int> EditAsync(string name, string query, AuditActor actor, string? reason, CancellationToken ct)
    {
        var rule = await FindAsync(name, ct);
        Rule.Parse(name, query);
        return await ChangeAsync(rule, query, RuleChange.Edited, AuditAction.RuleEdit, actor, reason, ct);
    }

    /// <summary>Gives a rule the text of an earlier version, stored as a new version; returns its number.</summary>
    /// <exception cref="UsageException">There is no such rule or version, or the rule has that text already.</exception>
    /// <exception cref="RuleSyntaxException">The old text is no longer a valid rule; nothing is changed.</exception>
    public async Task<int> RevertAsync(string name, int version, AuditActor actor, string? reason, CancellationToken ct)
    {
        var rule = await FindAsync(name, ct);
        var old = await db.RuleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.RuleName == name && v.Version == version, ct)
            ?? throw new UsageException($"Rule `{name}` has no version {version} (see `rule history {name}`).");
        Rule.Parse(name, old.Query);
        return await ChangeAsync(rule, old.Query, RuleChange.Reverted, AuditAction.RuleRevert, actor, reason ?? $"back to version {version}", ct);
    }

    /// <summary>Removes a rule and the subscriptions to it; returns how many subscriptions went with it. Its history stays.</summary>
    /// <exception cref="UsageException">There is no such rule.</exception>
    public async Task<int> RemoveAsync(string name, AuditActor actor, string? reason, CancellationToken ct)
    {
        var rule = await FindAsync(name, ct);
        var version = await LatestOrBaselineAsync(rule, ct) + 1;
        var subscriptions = await db.Subscriptions.Where(s => s.RuleName == name).ToListAsync(ct);
        db.Subscriptions.RemoveRange(subscriptions);
        db.Rules.Remove(rule);
        AddVersion(name, version, RuleChange.Removed, rule.Query, actor, reason, time.GetUtcNow());
        audit.Stage(actor, AuditAction.RuleRemove, Target(name, version), rule.Query,
            subscriptions.Count > 0 ? $"removed with {subscriptions.Count} subscription(s)" : null);
        await db.SaveChangesAsync(ct);
        return subscriptions.Count;
    }

    private async Task<int> ChangeAsync(
        WatchRule rule, string query, RuleChange change, AuditAction action, AuditActor actor, string? reason, CancellationToken ct)
    {
        if (rule.Query == query)
        {
            throw new UsageException($"Rule `{rule.Name}` has that query already; nothing changed.");
        }

        var version = await LatestOrBaselineAsync(rule, ct) + 1;
        var (before, now) = (rule.Query, time.GetUtcNow());
        rule.Query = query;
        rule.UpdatedAt = now;
        AddVersion(rule.Name, version, change, query, actor, reason, now);
        audit.Stage(actor, action, Target(rule.Name, version), before, query);
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>
    /// The number of the version holding the rule's current text. A rule seeded, or stored before versions were kept
    /// (or changed around them), first gets its current text as a baseline version, so a revert can reach it.
    /// </summary>
    private async Task<int> LatestOrBaselineAsync(WatchRule rule, CancellationToken ct)
    {
        var latest = await LatestAsync(rule.Name, ct);
        if (latest is not null && latest.Change != RuleChange.Removed && latest.Query == rule.Query)
        {
            return latest.Version;
        }

        var baseline = (latest?.Version ?? 0) + 1;
        AddVersion(rule.Name, baseline, RuleChange.Baseline, rule.Query, new AuditActor(rule.CreatedBy ?? "seed"), null, rule.UpdatedAt);
        return baseline;
    }

    private Task<RuleVersion?> LatestAsync(string name, CancellationToken ct) =>
        db.RuleVersions.AsNoTracking().Where(v => v.RuleName == name).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);

    private async Task<WatchRule> FindAsync(string name, CancellationToken ct) =>
        await db.Rules.FirstOrDefaultAsync(r => r.Name == name, ct)
        ?? throw new UsageException($"There is no rule `{ChatText.Clip(name, 60)}` (see `rules`).");

    private void AddVersion(string name, int version, RuleChange change, string query, AuditActor actor, string? reason, DateTimeOffset at) =>
        db.RuleVersions.Add(new RuleVersion
        {
            RuleName = name, Version = version, Change = change, Query = query, Author = actor.Id, At = at,
            Reason = reason is { Length: > RuleArguments.MaxReasonLength } ? reason[..RuleArguments.MaxReasonLength] : reason,
        });

    private static string Target(string name, int version) => $"rule {name} v{version}";
}
