using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Shared;

/// <summary>Reading a rule's versions (chat's <c>rule history</c>, the CLI's <c>rules history</c>): the list, and one version's diff.</summary>
public sealed class RuleHistory(TradeAlertDbContext db)
{
    /// <summary>The rule's versions, oldest first; a removed rule's too.</summary>
    /// <exception cref="UsageException">The name has no versions.</exception>
    public async Task<IReadOnlyList<RuleVersion>> ListAsync(string name, CancellationToken ct)
    {
        var versions = await db.RuleVersions.AsNoTracking().Where(v => v.RuleName == name).OrderBy(v => v.Version).ToListAsync(ct);
        if (versions.Count == 0)
        {
            throw await db.Rules.AnyAsync(r => r.Name == name, ct)
                ? new UsageException($"Rule `{name}` has not been changed since versions were kept; its first edit starts its history.")
                : new UsageException($"There is no rule `{ChatText.Clip(name, 60)}` and none had that name (see `rules`).");
        }

        return versions;
    }

    /// <summary>One version and the line diff from the version before it (from nothing for the first).</summary>
    /// <exception cref="UsageException">There is no such version.</exception>
    public async Task<(RuleVersion Version, IReadOnlyList<DiffLine> Diff)> DiffAsync(string name, int version, CancellationToken ct)
    {
        var pair = await db.RuleVersions.AsNoTracking()
            .Where(v => v.RuleName == name && (v.Version == version || v.Version == version - 1))
            .OrderByDescending(v => v.Version).ToListAsync(ct);
        if (pair.Count == 0 || pair[0].Version != version)
        {
            throw new UsageException($"Rule `{ChatText.Clip(name, 60)}` has no version {version} (see `rule history {ChatText.Clip(name, 60)}`).");
        }

        // A removal keeps the text the rule had; as a change it takes every line away.
        var after = pair[0].Change == RuleChange.Removed ? "" : pair[0].Query;
        var before = pair.Count > 1 && pair[1].Change != RuleChange.Removed ? pair[1].Query : "";
        return (pair[0], LineDiff.Compute(before, after));
    }
}
