using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Classification;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Ingest;

/// <summary>
/// The compiled rules from storage, recompiled when an admin changes them (checked by a cheap version query on
/// each use), so rule edits take effect without a restart.
/// </summary>
public sealed class RuleCatalog(ILogger<RuleCatalog> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (int Count, long MaxTicks) _version = (-1, -1);
    private ItemClassifier _classifier = new(RuleSet.Compile([]));

    public async Task<ItemClassifier> GetClassifierAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var version = await CurrentVersionAsync(db, ct);
        if (version == _version)
        {
            return _classifier;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (version != _version)
            {
                // Rules are validated when saved; a bad one found here (edited in the database by hand) is skipped
                // loudly rather than stopping every other rule.
                var rules = await LoadAsync(db, (name, reason) => logger.LogError("rules: stored rule {Rule} is invalid and skipped: {Reason}", name, reason), ct);
                _classifier = new ItemClassifier(RuleSet.Compile(rules));
                _version = version;
                logger.LogInformation("rules: compiled {Count} rule(s)", rules.Count);
            }

            return _classifier;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The stored rules parsed, in name order; one that no longer parses is reported and left out.</summary>
    public static async Task<List<Rule>> LoadAsync(TradeAlertDbContext db, Action<string, string> skipped, CancellationToken ct)
    {
        var stored = await db.Rules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var rules = new List<Rule>(stored.Count);
        foreach (var rule in stored)
        {
            try
            {
                rules.Add(Rule.Parse(rule.Name, rule.Query));
            }
            catch (RuleSyntaxException e)
            {
                skipped(rule.Name, e.Message);
            }
        }

        return rules;
    }

    private static async Task<(int, long)> CurrentVersionAsync(TradeAlertDbContext db, CancellationToken ct)
    {
        var count = await db.Rules.CountAsync(ct);
        var latest = count == 0 ? DateTimeOffset.MinValue : await db.Rules.MaxAsync(r => r.UpdatedAt, ct);
        return (count, latest.UtcTicks);
    }
}
