using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Commands;

/// <summary>Admin-only commands: watch rules, feeds and admins. The caller has checked the user is an admin.</summary>
public sealed partial class AdminCommands(
    TradeAlertDbContext db, UrlGuard guard, Backtester backtester, TimeProvider time, Microsoft.Extensions.Options.IOptions<QueryOptions> options)
{
    public async Task<CommandReply> AddRuleAsync(CommandContext context, ParsedCommand.Known command, CancellationToken ct)
    {
        var (name, query) = NameAndQuery(command);
        await AddRuleAsync(name, query, $"{context.Platform}:{context.UserId}", ct);
        return new CommandReply($"Added rule `{name}`; it applies to items from the next poll on. Subscribe a channel with `subscribe {name}`.");
    }

    /// <summary>Stores a new watch rule (chat and the admin page).</summary>
    /// <exception cref="UsageException">The name is taken.</exception>
    /// <exception cref="RuleSyntaxException">The query is not a valid rule; nothing is stored.</exception>
    public async Task AddRuleAsync(string name, string query, string createdBy, CancellationToken ct)
    {
        if (await db.Rules.AnyAsync(r => r.Name == name, ct))
        {
            throw new UsageException($"A rule `{name}` exists already; change it with `rule edit {name} QUERY`.");
        }

        Rule.Parse(name, query); // a syntax error becomes the reply; nothing is stored
        db.Rules.Add(new WatchRule { Name = name, Query = query, CreatedBy = createdBy, UpdatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    public async Task<CommandReply> EditRuleAsync(ParsedCommand.Known command, CancellationToken ct)
    {
        var (name, query) = NameAndQuery(command);
        await EditRuleAsync(name, query, ct);
        return new CommandReply($"Changed rule `{name}`; the new query applies from the next poll on.");
    }

    /// <exception cref="UsageException">There is no such rule.</exception>
    /// <exception cref="RuleSyntaxException">The query is not a valid rule; nothing is changed.</exception>
    public async Task EditRuleAsync(string name, string query, CancellationToken ct)
    {
        var rule = await db.Rules.FirstOrDefaultAsync(r => r.Name == name, ct)
            ?? throw new UsageException($"There is no rule `{name}` (see `rules`).");
        Rule.Parse(name, query);
        rule.Query = query;
        rule.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task<CommandReply> RemoveRuleAsync(ParsedCommand.Known command, CancellationToken ct)
    {
        var name = command.Args.Count == 1 ? command.Args[0].ToLowerInvariant() : throw new UsageException("Name one rule.");
        var subscriptions = await RemoveRuleAsync(name, ct);
        return new CommandReply($"Removed rule `{name}`" + (subscriptions > 0 ? $" and {subscriptions} subscription(s) to it." : "."));
    }

    /// <summary>Removes a rule and the subscriptions to it; returns how many subscriptions went with it.</summary>
    /// <exception cref="UsageException">There is no such rule.</exception>
    public async Task<int> RemoveRuleAsync(string name, CancellationToken ct)
    {
        var rule = await db.Rules.FirstOrDefaultAsync(r => r.Name == name, ct)
            ?? throw new UsageException($"There is no rule `{ChatText.Clip(name, 60)}` (see `rules`).");
        var subscriptions = await db.Subscriptions.Where(s => s.RuleName == name).ToListAsync(ct);
        db.Subscriptions.RemoveRange(subscriptions);
        db.Rules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return subscriptions.Count;
    }

    /// <summary><c>rule test QUERY</c>: how the query would have done over the stored items of the last 30 days.</summary>
    public async Task<CommandReply> TestRuleAsync(ParsedCommand.Known command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Rest))
        {
            throw new UsageException("Give a query to test, e.g. `rule test tariff* AND steel`.");
        }

        var result = await backtester.RunAsync(db, command.Rest, options.Value.QueryBudget, ct);
        var text = new System.Text.StringBuilder(
            $"`{ChatText.Escape(ChatText.Clip(command.Rest, 200))}` would have matched *{result.Matched7Days}* item(s) in the last 7 days "
            + $"and *{result.Matched30Days}* in the last 30 (of {result.Scanned:N0} scanned in {result.Elapsed.TotalMilliseconds:N0} ms).");
        if (result.OutOf is { } total)
        {
            text.Append($"\n_{PartialScan.Note(result.Scanned, total, options.Value.QueryBudget)}._");
        }

        if (result.Newest.Count > 0)
        {
            text.Append("\nNewest matches:");
            foreach (var example in result.Newest)
            {
                var when = (example.Published ?? example.FetchedAt).ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture);
                text.Append($"\n• {ChatText.Escape(ChatText.Clip(example.Title, 150))} ({when}) — matched: {ChatText.Escape(string.Join(", ", example.Terms.Take(8)))}");
            }
        }

        return new CommandReply(text.ToString());
    }

    public async Task<CommandReply> AddFeedAsync(ParsedCommand.Known command, CancellationToken ct)
    {
        var text = command.Args.Count == 1 ? command.Args[0].Trim('<', '>') : throw new UsageException("Give one feed URL.");
        return new CommandReply(ChatText.Escape(await AddFeedAsync(text, ct)));
    }

    /// <summary>Adds and saves a feed through <see cref="FeedRegistry"/> (chat and the admin page); returns its message.</summary>
    /// <exception cref="UsageException">Not an http(s) URL, refused by the guard, or watched already.</exception>
    public async Task<string> AddFeedAsync(string text, CancellationToken ct)
    {
        var result = await new FeedRegistry(db, guard, time).AddAsync(text, null, ct);
        if (result is not FeedAddResult.Added)
        {
            throw new UsageException(result.Message);
        }

        await db.SaveChangesAsync(ct);
        return result.Message;
    }

    public async Task<CommandReply> RemoveFeedAsync(ParsedCommand.Known command, CancellationToken ct)
    {
        var arg = command.Args.Count == 1 ? command.Args[0].Trim('<', '>').Split('|')[0] : throw new UsageException("Give the feed's URL or id.");
        var normalized = Uri.TryCreate(arg, UriKind.Absolute, out var url) ? url.AbsoluteUri : arg;
        var feed = long.TryParse(arg, out var id)
            ? await db.Feeds.FirstOrDefaultAsync(f => f.Id == id, ct)
            : await db.Feeds.FirstOrDefaultAsync(f => f.Url == arg || f.Url == normalized, ct);
        if (feed is null)
        {
            throw new UsageException($"No feed `{ChatText.Clip(arg, 80)}` (see `feeds`).");
        }

        Disable(feed);
        await db.SaveChangesAsync(ct);
        return new CommandReply($"Stopped watching feed {feed.Id} ({ChatText.Escape(feed.Title ?? ShownUrl.Redacted(feed.Url))}); its past items stay searchable.");
    }

    /// <summary><c>deliveries dead|pending|failed</c>: the newest such rows, with their errors.</summary>
    public async Task<CommandReply> DeliveriesAsync(ParsedCommand.Known command, CancellationToken ct)
    {
        var stateText = command.Args.Count == 1 ? command.Args[0] : "dead";
        if (!Enum.TryParse<DeliveryState>(stateText, ignoreCase: true, out var state) || !Enum.IsDefined(state) || char.IsDigit(stateText[0]))
        {
            throw new UsageException($"`{ChatText.Clip(stateText, 20)}` is not a state; use dead, pending or failed.");
        }

        var rows = await db.Deliveries.AsNoTracking().Where(d => d.State == state).OrderByDescending(d => d.Id).Take(15)
            .Select(d => new { d.Id, d.Attempts, d.LastError, d.Story!.Title, d.Destination!.Kind, d.Destination.Address })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return new CommandReply($"No {state.ToString().ToLowerInvariant()} deliveries.");
        }

        var text = new System.Text.StringBuilder($"*{state} deliveries (newest {rows.Count}):*");
        foreach (var row in rows)
        {
            text.Append($"\n• {row.Id}: {ChatText.Escape(ChatText.Clip(row.Title, 80))} → {row.Kind}:{ChatText.Escape(ChatText.Clip(row.Address, 40))}, "
                + $"{row.Attempts} attempt(s){(row.LastError is null ? "" : ": " + ChatText.Escape(ChatText.Clip(row.LastError, 120)))}");
        }

        return new CommandReply(text.Append("\nSend one again with `replay ID`.").ToString());
    }

    /// <summary><c>replay ID</c>: a failed or dead delivery goes out again with the next sweep; a sent one never does.</summary>
    public async Task<CommandReply> ReplayAsync(ParsedCommand.Known command, CancellationToken ct)
    {
        if (command.Args.Count != 1 || !long.TryParse(command.Args[0], out var id))
        {
            throw new UsageException("Give one delivery id (see `deliveries dead`).");
        }

        return new CommandReply(await ReplayAsync(id, ct));
    }

    /// <summary>Replays one delivery unless it was sent (chat and the admin page); says what happened, in plain text.</summary>
    /// <exception cref="UsageException">There is no such delivery.</exception>
    public async Task<string> ReplayAsync(long id, CancellationToken ct)
    {
        var state = await db.Deliveries.Where(d => d.Id == id).Select(d => (DeliveryState?)d.State).FirstOrDefaultAsync(ct)
            ?? throw new UsageException($"There is no delivery {id}.");
        if (state == DeliveryState.Sent)
        {
            return $"Delivery {id} was sent already; replaying it would post the alert twice, so it is left alone.";
        }

        var replayed = await Deliveries.OutboxReplay.ReplayAsync(db, [id], time.GetUtcNow(), ct);
        return replayed == 1
            ? $"Delivery {id} goes out again with the next sweep (within a few minutes)."
            : $"Delivery {id} is being sent right now; nothing to replay.";
    }

    /// <summary><c>resume</c>: this channel's paused alerts go out again.</summary>
    public async Task<CommandReply> ResumeAsync(CommandContext context, CancellationToken ct)
    {
        var destination = await db.Destinations.FirstOrDefaultAsync(d => d.Kind == context.DestinationKind && d.Address == context.Address, ct);
        if (destination is not { Paused: true })
        {
            return new CommandReply("This channel's alerts are not paused.");
        }

        destination.Resume();
        await db.SaveChangesAsync(ct);
        return new CommandReply("Resumed: this channel's held alerts go out with the next sweep. If the cause is not fixed, they pause again.", Public: true);
    }

    /// <summary><c>admin add @user</c>: the user becomes an admin in the caller's workspace (Slack) or tenant (Teams) only.</summary>
    public async Task<CommandReply> AddAdminAsync(CommandContext context, ParsedCommand.Known command, CancellationToken ct)
    {
        var (team, user) = AdminArg(context, command);
        if (!await db.Admins.AnyAsync(a => a.Platform == context.Platform && a.TeamId == team && a.UserId == user, ct))
        {
            db.Admins.Add(new ChatAdmin { Platform = context.Platform, TeamId = team, UserId = user, AddedBy = context.UserId, AddedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }

        return new CommandReply($"{Shown(context, user)} can now run admin commands.");
    }

    public async Task<CommandReply> RemoveAdminAsync(CommandContext context, ParsedCommand.Known command, CancellationToken ct)
    {
        var (team, user) = AdminArg(context, command);
        var removed = await db.Admins.Where(a => a.Platform == context.Platform && a.TeamId == team && a.UserId == user).ExecuteDeleteAsync(ct);
        return new CommandReply(removed > 0
            ? $"{Shown(context, user)} can no longer run admin commands (admins named in settings stay admins)."
            : $"{Shown(context, user)} was not an admin added by command (admins named in settings are changed there).");
    }

    /// <summary>Stops polling a feed. Disabled, not deleted: its stored items and stories stay searchable.</summary>
    public static void Disable(Feed feed)
    {
        feed.Enabled = false;
        feed.DisabledReason = "removed by an admin";
    }

    /// <summary>Rule names: lowercase letters, digits and dashes, up to 64.</summary>
    /// <exception cref="UsageException">The name is not one.</exception>
    public static void RequireRuleName(string name)
    {
        if (!RuleName().IsMatch(name))
        {
            throw new UsageException($"`{ChatText.Clip(name, 60)}` is not a rule name: use lowercase letters, digits and dashes (up to 64).");
        }
    }

    // Slack: <@U123> (or a bare id). Teams: the inbound activity puts the @mentioned user's AAD object id in the text.
    private static (string Team, string User) AdminArg(CommandContext context, ParsedCommand.Known command)
    {
        var user = command.Args.Count != 1 ? null
            : context.Platform == DestinationKind.Teams ? (Guid.TryParse(command.Args[0], out var aad) ? aad.ToString() : null)
            : ChatMentions.UserId(command.Args[0]);
        if (user is null)
        {
            throw new UsageException("Mention one user, e.g. `admin add @maria`.");
        }

        return context.TeamId is { Length: > 0 } team
            ? (AdminDirectory.Normalize(context.Platform, team), AdminDirectory.Normalize(context.Platform, user))
            : throw new UsageException("This message carries no workspace or tenant, so no admin can be bound to it.");
    }

    private static string Shown(CommandContext context, string user) => context.Platform == DestinationKind.Slack ? $"<@{user}>" : "That user";

    private static (string Name, string Query) NameAndQuery(ParsedCommand.Known command)
    {
        if (command.Args.Count < 2)
        {
            throw new UsageException("Give a rule name and a query.");
        }

        var name = command.Args[0].ToLowerInvariant();
        RequireRuleName(name);

        var query = command.Rest[(command.Rest.IndexOf(command.Args[0], StringComparison.Ordinal) + command.Args[0].Length)..].Trim();
        return (name, query);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex RuleName();
}
