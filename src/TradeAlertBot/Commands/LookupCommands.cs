using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Queries;

namespace TradeAlertBot.Commands;

/// <summary>Read-only commands anyone may run: latest, search, categories, rules, feeds.</summary>
public sealed class LookupCommands(TradeAlertDbContext db, TimeProvider time, IOptions<QueryOptions> options)
{
    public const int PageSize = 5;
    private static readonly TimeSpan SearchWindow = TimeSpan.FromDays(30);

    /// <summary><c>latest [category] [country]</c>: each argument is recognised as a category name or else a country code.</summary>
    public async Task<CommandReply> LatestAsync(ParsedCommand.Known command, CancellationToken ct)
    {
        var categories = await db.Rules.AsNoTracking().Where(r => r.IsCategory).Select(r => r.Name).ToListAsync(ct);
        string? category = null, country = null;
        foreach (var arg in command.Args)
        {
            if (categories.Contains(arg, StringComparer.OrdinalIgnoreCase))
            {
                category = arg.ToLowerInvariant();
            }
            else if (arg.Length == 2 && arg.All(char.IsAsciiLetter))
            {
                country = arg.ToUpperInvariant();
            }
            else
            {
                throw new UsageException($"`{ChatText.Clip(arg, 40)}` is neither a category ({string.Join(", ", categories)}) nor a two-letter country code.");
            }
        }

        var query = db.Stories.AsNoTracking().OrderByDescending(s => s.FirstSeenAt).AsQueryable();
        if (category is not null)
        {
            query = query.InCategory(category);
        }

        // Countries live in the stored classification; filter the newest few hundred in memory.
        var stories = await query.Take(country is null ? PageSize : 300).ToListAsync(ct);
        var alerts = stories.Select(AlertFactory.From)
            .Where(a => country is null || a.Facts.Any(f => f.Label == "Countries" && f.Value.Split(", ").Contains(country)))
            .Take(PageSize)
            .ToList();
        if (alerts.Count == 0)
        {
            return new CommandReply("No alerts yet" + (category is null && country is null ? "." : " for that filter."));
        }

        var text = new StringBuilder($"*Latest{(category is null ? "" : " " + category)}{(country is null ? "" : " in " + country)}:*\n");
        foreach (var alert in alerts)
        {
            text.Append(Line(alert.Title, alert.Link, alert.Source, alert.Published)).Append('\n');
        }

        return new CommandReply(text.ToString().TrimEnd());
    }

    /// <summary>
    /// <c>search QUERY</c>: stored items of the last 30 days matching a rule query, newest first, a page at a time.
    /// Within <see cref="QueryOptions.QueryBudget"/>: past it the answer is what was found, marked incomplete.
    /// </summary>
    public async Task<CommandReply> SearchAsync(string query, int offset, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new UsageException("Give a query, e.g. `search tariff* AND steel`.");
        }

        var rules = RuleSet.Compile([Rule.Parse("search", query)]);
        var since = time.GetUtcNow() - SearchWindow;
        var budget = options.Value.QueryBudget;
        using var deadline = new CancellationTokenSource(budget, time);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var found = new List<(string Title, string? Link, DateTimeOffset When)>();
        var skipped = 0;
        var scanned = 0;
        var more = false;
        var cutShort = false;
        long? before = null;
        while (!more && !cutShort)
        {
            List<SearchRow> page;
            try
            {
                page = await db.Items.AsNoTracking()
                    .Where(i => i.FetchedAt >= since && (before == null || i.Id < before))
                    .OrderByDescending(i => i.Id)
                    .Select(i => new SearchRow(i.Id, i.Title, i.Body, i.Link, i.Published ?? i.FetchedAt))
                    .Take(500)
                    .ToListAsync(reading.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                cutShort = true;
                break;
            }

            foreach (var item in page)
            {
                if (deadline.IsCancellationRequested)
                {
                    cutShort = true;
                    break;
                }

                scanned++;
                if (rules.Match(Document.Create(item.Title, item.Body)).Count == 0)
                {
                    continue;
                }

                if (skipped++ < offset)
                {
                    continue;
                }

                if (found.Count == PageSize)
                {
                    more = true;
                    break;
                }

                found.Add((item.Title, item.Link, item.When));
            }

            if (page.Count < 500)
            {
                break;
            }

            before = page[^1].Id;
        }

        var partial = cutShort
            ? $"\n_{PartialScan.Note(scanned, await db.Items.AsNoTracking().CountAsync(i => i.FetchedAt >= since, ct), budget)}._"
            : "";
        if (found.Count == 0)
        {
            return new CommandReply((offset == 0 ? $"Nothing in the last 30 days matches `{ChatText.Escape(query)}`." : "No more results.") + partial);
        }

        var text = new StringBuilder($"*Results {offset + 1}–{offset + found.Count} for* `{ChatText.Escape(ChatText.Clip(query, 200))}`:\n");
        foreach (var (title, link, when) in found)
        {
            text.Append(Line(title, link, null, when)).Append('\n');
        }

        var buttons = more ? new[] { new ReplyButton("More", "search_more", $"{offset + PageSize}|{ChatText.Clip(query, 1900)}") } : null;
        return new CommandReply(text.ToString().TrimEnd() + partial, buttons);
    }

    public async Task<CommandReply> CategoriesAsync(CancellationToken ct)
    {
        var names = await db.Rules.AsNoTracking().Where(r => r.IsCategory).OrderBy(r => r.Name).Select(r => r.Name).ToListAsync(ct);
        return new CommandReply("*Categories:* " + string.Join(", ", names.Select(n => $"`{ChatText.Escape(n)}`"))
            + "\nSubscribe this channel with `subscribe CATEGORY`.");
    }

    public async Task<CommandReply> RulesAsync(CancellationToken ct)
    {
        var rules = await db.Rules.AsNoTracking().OrderBy(r => !r.IsCategory).ThenBy(r => r.Name).ToListAsync(ct);
        var text = new StringBuilder("*Rules:*\n");
        foreach (var rule in rules)
        {
            text.Append($"• `{ChatText.Escape(rule.Name)}`{(rule.IsCategory ? " (category)" : "")}: {ChatText.Escape(ChatText.Clip(rule.Query.ReplaceLineEndings(" "), 200))}\n");
        }

        return new CommandReply(ChatText.Clip(text.ToString().TrimEnd(), 3000));
    }

    public async Task<CommandReply> FeedsAsync(CancellationToken ct)
    {
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);
        if (feeds.Count == 0)
        {
            return new CommandReply("No feeds yet. An admin adds one with `feed add URL`.");
        }

        var text = new StringBuilder($"*Feeds ({feeds.Count}):*\n");
        foreach (var feed in feeds.Take(40))
        {
            var health = !feed.Enabled ? "disabled: " + feed.DisabledReason
                : feed.ConsecutiveErrors > 0 ? $"failing ({feed.ConsecutiveErrors}×): {feed.LastError}"
                : feed.LastStatus ?? "not polled yet";
            text.Append($"• {feed.Id}: {ChatText.Escape(feed.Title ?? ShownUrl.Redacted(feed.Url))} — {ChatText.Escape(ChatText.Clip(health, 150))}\n");
        }

        if (feeds.Count > 40)
        {
            text.Append($"…and {feeds.Count - 40} more (see the admin page).");
        }

        return new CommandReply(text.ToString().TrimEnd());
    }

    private static string Line(string title, string? link, string? source, DateTimeOffset? when)
    {
        var label = ChatText.Escape(ChatText.Clip(title, 200));
        var head = ChatText.Link(link, label);
        var tail = string.Join(", ", new[] { source is null ? null : ChatText.Escape(source), when?.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture) }.OfType<string>());
        return $"• {head}{(tail.Length > 0 ? " — " + tail : "")}";
    }

    private sealed record SearchRow(long Id, string Title, string Body, string? Link, DateTimeOffset When);
}
