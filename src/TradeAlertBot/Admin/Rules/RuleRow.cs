using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Admin.Overview;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Admin.Rules;

/// <summary>One line of the rules list: the rule, whether it is a category of the default pack, and its stories in 7 and 30 days.</summary>
public sealed record RuleRow(string Name, string Query, bool IsCategory, DateTimeOffset UpdatedAt, int Week, int Month)
{
    private const int PreviewLength = 120;

    /// <summary>The query on one line without its # comments, clipped: enough to tell rules apart in the list.</summary>
    public string Preview
    {
        get
        {
            var text = string.Join(' ', Query.ReplaceLineEndings("\n").Split('\n')
                .Select(line => line.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line)
                .SelectMany(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            return text.Length > PreviewLength ? text[..PreviewLength] + "…" : text;
        }
    }

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
