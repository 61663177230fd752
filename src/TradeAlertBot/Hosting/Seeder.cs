using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Core.Categories;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Hosting;

/// <summary>
/// First-start data: the category rules (from Rules:Path or the built-in pack), the console and web-page
/// destinations subscribed to every category, and — while no feed is configured — the bundled sample feeds.
/// Each step runs only when its table is empty, so an operator's later changes are never overwritten.
/// </summary>
public sealed class Seeder(
    TradeAlertDbContext db, IOptions<RulesOptions> rules, IOptions<FeedsOptions> feeds, TimeProvider time, ILogger<Seeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!await db.Rules.AnyAsync(ct))
        {
            var path = rules.Value.Path;
            var pack = string.IsNullOrEmpty(path) ? DefaultRulePack.Load() : RuleFile.LoadAll(path);
            db.Rules.AddRange(pack.Select(r => new WatchRule { Name = r.Name, Query = r.Text, IsCategory = true, UpdatedAt = now }));
            logger.LogInformation("seed: {Count} category rule(s)", pack.Count);
        }

        if (!await db.Destinations.AnyAsync(ct))
        {
            var categories = await CategoryNamesAsync(ct);
            foreach (var (kind, name) in new[] { (DestinationKind.Console, "Console"), (DestinationKind.Web, "Local web page") })
            {
                db.Destinations.Add(new Destination
                {
                    Kind = kind,
                    Address = "local",
                    Name = name,
                    Subscriptions = [.. categories.Select(c => new Subscription { RuleName = c })],
                });
            }
        }

        var samples = SampleFeeds.Directory(feeds.Value);
        if (samples is not null && !await db.Feeds.AnyAsync(ct))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(samples, "*.xml").Order())
            {
                db.Feeds.Add(new Feed { Url = new Uri(file).AbsoluteUri, CreatedAt = now, NextPollAt = now });
            }

            logger.LogInformation("seed: sample feeds from {Folder}", samples);
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task<List<string>> CategoryNamesAsync(CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<WatchRule>().Select(e => e.Entity.Name);
        var stored = await db.Rules.Where(r => r.IsCategory).Select(r => r.Name).ToListAsync(ct);
        return [.. stored.Union(pending).Order()];
    }
}
