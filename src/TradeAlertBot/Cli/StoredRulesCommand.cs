using System.CommandLine;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Cli;

/// <summary>
/// <c>rules add|edit|remove|revert|history</c>: the service's stored watch rules, through the code chat's
/// <c>rule …</c> commands use (<see cref="RuleRegistration"/>), so each change keeps a version and an audit entry (actor <c>cli</c>).
/// </summary>
internal static class StoredRulesCommand
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        var reason = new Option<string?>("--reason") { Description = "Why: kept with the version in the rule's history." };

        var name = new Argument<string>("NAME") { Description = "The rule's name." };
        var query = new Argument<string>("QUERY") { Description = "The rule's query (quote it)." };
        var add = new Command("add", "Store a new watch rule.") { name, query, reason };
        add.SetAction((r, ct) => Change(console, async (rules, actor) =>
            $"added version {await rules.AddAsync(Name(r, name), r.GetRequiredValue(query), actor, r.GetValue(reason), ct)}", ct));

        var edit = new Command("edit", "Give a stored rule a new query, kept as a new version.") { name, query, reason };
        edit.SetAction((r, ct) => Change(console, async (rules, actor) =>
            $"changed, now version {await rules.EditAsync(Name(r, name), r.GetRequiredValue(query), actor, r.GetValue(reason), ct)}", ct));

        var remove = new Command("remove", "Remove a stored rule and the subscriptions to it; its history stays.") { name, reason };
        remove.SetAction((r, ct) => Change(console, async (rules, actor) =>
            $"removed with {await rules.RemoveAsync(Name(r, name), actor, r.GetValue(reason), ct)} subscription(s)", ct));

        var version = new Argument<int>("VERSION") { Description = "A version number from `rules history NAME`." };
        var revert = new Command("revert", "Give a rule an earlier version's query again, as a new version.") { name, version, reason };
        revert.SetAction((r, ct) => Change(console, async (rules, actor) =>
            $"reverted, now version {await rules.RevertAsync(Name(r, name), r.GetRequiredValue(version), actor, r.GetValue(reason), ct)}", ct));

        var shown = new Argument<int?>("VERSION") { Description = "Show what this version changed (a line diff).", Arity = ArgumentArity.ZeroOrOne };
        var history = new Command("history", "List a rule's versions (who, when, why), or show one version's diff.") { name, shown };
        history.SetAction((r, ct) => HistoryAsync(Name(r, name), r.GetValue(shown), console, ct));

        return [add, edit, remove, revert, history];
    }

    private static string Name(ParseResult result, Argument<string> name) => result.GetRequiredValue(name).ToLowerInvariant();

    private static async Task<int> Change(CliConsole console, Func<RuleRegistration, AuditActor, Task<string>> change, CancellationToken ct)
    {
        await using var db = await console.OpenDatabaseAsync(ct);
        try
        {
            var done = await change(new RuleRegistration(db, console.Time, new AuditLog(db, console.Time)), AuditActor.Cli);
            console.Out.WriteLine($"rules: {done}; the service applies it from the next poll on");
            return 0;
        }
        catch (Exception e) when (e is Core.Commands.UsageException or RuleSyntaxException)
        {
            console.Error.WriteLine($"rules: {e.Message.Replace("`", "", StringComparison.Ordinal)}");
            return e is RuleSyntaxException ? 1 : 2;
        }
    }

    private static async Task<int> HistoryAsync(string name, int? shown, CliConsole console, CancellationToken ct)
    {
        await using var db = await console.OpenDatabaseAsync(ct);
        var history = new RuleHistory(db);
        try
        {
            if (shown is { } number)
            {
                var (version, diff) = await history.DiffAsync(name, number, ct);
                console.Out.WriteLine($"{name} v{version.Version}: {RuleHistoryHandler.Verb(version.Change)} by {version.Author} at {version.At.UtcDateTime:yyyy-MM-dd HH:mm}Z{(version.Reason is null ? "" : " — " + version.Reason)}");
                foreach (var line in diff)
                {
                    console.Out.WriteLine(line);
                }

                return 0;
            }

            var table = new TextTable("VERSION", "WHEN", "CHANGE", "BY", "REASON", "QUERY");
            foreach (var v in await history.ListAsync(name, ct))
            {
                table.Add($"v{v.Version}", $"{v.At.UtcDateTime:yyyy-MM-dd HH:mm}Z", RuleHistoryHandler.Verb(v.Change), v.Author, TextTable.Clip(v.Reason, 40), TextTable.Clip(v.Query, 80));
            }

            table.WriteTo(console.Out);
            return 0;
        }
        catch (Core.Commands.UsageException e)
        {
            console.Error.WriteLine($"rules: {e.Message.Replace("`", "", StringComparison.Ordinal)}");
            return 2;
        }
    }
}
