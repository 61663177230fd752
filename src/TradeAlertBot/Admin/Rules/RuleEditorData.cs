using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Admin.Rules;

/// <summary>
/// What the rule editor shows besides the form: the rule (null for a name not in use), its versions newest first
/// (a removed rule's too), and, when asked, the line diff from one version to the current text.
/// </summary>
public sealed record RuleEditorData(WatchRule? Rule, IReadOnlyList<RuleVersion> Versions, int? DiffVersion, IReadOnlyList<DiffLine> Diff)
{
    public static async Task<RuleEditorData> LoadAsync(TradeAlertDbContext db, string name, int? diff, CancellationToken ct)
    {
        var rule = await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Name == name, ct);
        var versions = await db.RuleVersions.AsNoTracking().Where(v => v.RuleName == name).OrderByDescending(v => v.Version).ToListAsync(ct);
        var from = diff is { } wanted ? versions.FirstOrDefault(v => v.Version == wanted) : null;
        if (from is null)
        {
            return new RuleEditorData(rule, versions, null, []);
        }

        // A removal keeps the text the rule had; compared with a removed rule, the current text is nothing.
        var before = from.Change == RuleChange.Removed ? "" : from.Query;
        return new RuleEditorData(rule, versions, from.Version, LineDiff.Compute(before, rule?.Query ?? ""));
    }

    /// <summary>Whether reverting to <paramref name="version"/> would change anything (RuleRegistration refuses the same text).</summary>
    public bool CanRevertTo(RuleVersion version) =>
        Rule is not null && version.Change != RuleChange.Removed && version.Query != Rule.Query;
}
