using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Admin.Overview;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Admin.Rules;

/// <summary>One line of the rules list: the rule, whether it is a category of the default pack, and its stories in 7 and 30 days.</summary>
public sealed record RuleRow(string Name, string Query, bool IsCategory, DateTimeOffset UpdatedAt, int Week, int Month)
{
    /// <summary>Every rule with its counts, from one bounded read of the last 30 days' stories (<see cref="CategoryDays"/>).</summary>
    public static async Task<(IReadOnlyList<RuleRow> Rows, bool Capped)> LoadAsync(TradeAlertDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await db.Rules.AsNoTracking().OrderBy(r => r.IsCategory).ThenBy(r => r.Name)
            .Select(r => new { r.Name, r.Query, r.IsCategory, r.UpdatedAt }).ToListAsync(ct);
        var days = await CategoryDays.LoadAsync(db, now, 30, ct);
        return ([.. rules.Select(r => new RuleRow(r.Name, r.Query, r.IsCategory, r.UpdatedAt, days.Count(r.Name, 7), days.Count(r.Name, 30)))],
            days.Capped);
    }
}
