using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Shared;

/// <summary>Adding, changing and removing watch rules: the one code chat's <c>rule …</c> commands and the admin page share.</summary>
public sealed partial class RuleRegistration(TradeAlertDbContext db, TimeProvider time)
{
    /// <summary>Stores a new watch rule.</summary>
    /// <exception cref="UsageException">The name is not a rule name, or is taken.</exception>
    /// <exception cref="RuleSyntaxException">The query is not a valid rule; nothing is stored.</exception>
    public async Task AddAsync(string name, string query, string createdBy, CancellationToken ct)
    {
        RequireName(name);
        if (await db.Rules.AnyAsync(r => r.Name == name, ct))
        {
            throw new UsageException($"A rule `{name}` exists already; change it with `rule edit {name} QUERY`.");
        }

        Rule.Parse(name, query); // a syntax error becomes the reply; nothing is stored
        db.Rules.Add(new WatchRule { Name = name, Query = query, CreatedBy = createdBy, UpdatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    /// <exception cref="UsageException">There is no such rule.</exception>
    /// <exception cref="RuleSyntaxException">The query is not a valid rule; nothing is changed.</exception>
    public async Task EditAsync(string name, string query, CancellationToken ct)
    {
        var rule = await db.Rules.FirstOrDefaultAsync(r => r.Name == name, ct)
            ?? throw new UsageException($"There is no rule `{ChatText.Clip(name, 60)}` (see `rules`).");
        Rule.Parse(name, query);
        rule.Query = query;
        rule.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes a rule and the subscriptions to it; returns how many subscriptions went with it.</summary>
    /// <exception cref="UsageException">There is no such rule.</exception>
    public async Task<int> RemoveAsync(string name, CancellationToken ct)
    {
        var rule = await db.Rules.FirstOrDefaultAsync(r => r.Name == name, ct)
            ?? throw new UsageException($"There is no rule `{ChatText.Clip(name, 60)}` (see `rules`).");
        var subscriptions = await db.Subscriptions.Where(s => s.RuleName == name).ToListAsync(ct);
        db.Subscriptions.RemoveRange(subscriptions);
        db.Rules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return subscriptions.Count;
    }

    /// <summary>Rule names: lowercase letters, digits and dashes, up to 64.</summary>
    /// <exception cref="UsageException">The name is not one.</exception>
    public static void RequireName(string name)
    {
        if (!RuleName().IsMatch(name))
        {
            throw new UsageException($"`{ChatText.Clip(name, 60)}` is not a rule name: use lowercase letters, digits and dashes (up to 64).");
        }
    }

    /// <summary><c>NAME QUERY</c> of <c>rule add</c> and <c>rule edit</c>: the query keeps its spacing as typed.</summary>
    /// <exception cref="UsageException">Either is missing, or the name is not a rule name.</exception>
    public static (string Name, string Query) NameAndQuery(Command command)
    {
        if (command.Args.Count < 2)
        {
            throw new UsageException("Give a rule name and a query.");
        }

        var name = command.Args[0].ToLowerInvariant();
        RequireName(name);
        var query = command.Rest[(command.Rest.IndexOf(command.Args[0], StringComparison.Ordinal) + command.Args[0].Length)..].Trim();
        return (name, query);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex RuleName();
}
