using System.Text;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands;

/// <summary>
/// Runs one chat command for any platform: parses it, checks admin rights, dispatches, and turns every expected
/// failure (unknown command, bad arguments, a rule syntax error) into a helpful reply — never an exception text.
/// </summary>
public sealed class CommandHandler(
    TradeAlertDbContext db,
    AdminDirectory admins,
    LookupCommands lookup,
    SubscriptionCommands subscriptions,
    AdminCommands adminCommands,
    QueryLimiter queryLimiter,
    ILogger<CommandHandler> logger)
{
    /// <summary>True when <paramref name="text"/> names a command that may take longer than a chat's 3-second ack.</summary>
    public static bool IsSlow(string? text) => CommandParser.Parse(text) is ParsedCommand.Known { Spec.Slow: true };

    public async Task<CommandReply> HandleAsync(CommandContext context, string? text, CancellationToken ct)
    {
        var parsed = CommandParser.Parse(text);
        if (parsed is ParsedCommand.Unknown unknown)
        {
            return Unknown(unknown);
        }

        var command = (ParsedCommand.Known)parsed;
        if (command.Spec.AdminOnly && !await admins.IsAdminAsync(db, context.Platform, context.TeamId, context.UserId, ct))
        {
            logger.LogWarning("commands: {Platform} user {User} of {Team} refused admin command {Command}", context.Platform, context.UserId, context.TeamId, command.Spec.Name);
            return new CommandReply($"Sorry, `{command.Spec.Name}` is for admins only. Ask an admin to run it, or to make you one with `admin add @you`.");
        }

        // Only the scans (search, rule test) are limited: they read up to 30 days of items each.
        if (command.Spec.Slow && !queryLimiter.TryStart(context, out var wait))
        {
            logger.LogWarning("commands: {User} over the query rate; {Command} refused", context.UserId, command.Spec.Name);
            return new CommandReply($"Slow down, try again in {PartialScan.Seconds(wait)} s: `search` and `rule test` are limited per person.");
        }

        try
        {
            return await DispatchAsync(context, command, ct);
        }
        catch (RuleSyntaxException e)
        {
            return new CommandReply($"That query has a syntax error: {ChatText.Escape(e.Message)}\nUsage: `{command.Spec.Usage}`");
        }
        catch (UsageException e)
        {
            return new CommandReply($"{ChatText.Escape(e.Message)}\nUsage: `{command.Spec.Usage}`");
        }
    }

    private Task<CommandReply> DispatchAsync(CommandContext context, ParsedCommand.Known command, CancellationToken ct) => command.Spec.Name switch
    {
        "help" => Task.FromResult(Help()),
        "latest" => lookup.LatestAsync(command, ct),
        "search" => lookup.SearchAsync(command.Rest, offset: 0, ct),
        "categories" => lookup.CategoriesAsync(ct),
        "rules" => lookup.RulesAsync(ct),
        "feeds" => lookup.FeedsAsync(ct),
        "subscribe" => subscriptions.SubscribeAsync(context, command, ct),
        "unsubscribe" => subscriptions.UnsubscribeAsync(context, command, ct),
        "subscriptions" => subscriptions.ListAsync(context, ct),
        "mute" => subscriptions.MuteAsync(context, command, ct),
        "digest" => subscriptions.DigestAsync(context, command, ct),
        "quiet" => subscriptions.QuietAsync(context, command, ct),
        "rule add" => adminCommands.AddRuleAsync(context, command, ct),
        "rule edit" => adminCommands.EditRuleAsync(command, ct),
        "rule remove" => adminCommands.RemoveRuleAsync(command, ct),
        "rule test" => adminCommands.TestRuleAsync(command, ct),
        "feed add" => adminCommands.AddFeedAsync(command, ct),
        "feed remove" => adminCommands.RemoveFeedAsync(command, ct),
        "deliveries" => adminCommands.DeliveriesAsync(command, ct),
        "replay" => adminCommands.ReplayAsync(command, ct),
        "resume" => adminCommands.ResumeAsync(context, ct),
        "admin add" => adminCommands.AddAdminAsync(context, command, ct),
        "admin remove" => adminCommands.RemoveAdminAsync(context, command, ct),
        _ => throw new InvalidOperationException($"commands: no handler for {command.Spec.Name}"),
    };

    private static CommandReply Help()
    {
        var text = new StringBuilder("*TradeAlertBot* watches trade-policy news and alerts channels. Commands:\n");
        foreach (var spec in CommandCatalog.All)
        {
            text.Append($"• `{spec.Usage}` — {spec.Summary}{(spec.AdminOnly ? " _(admin)_" : "")}\n");
        }

        return new CommandReply(text.ToString().TrimEnd());
    }

    private static CommandReply Unknown(ParsedCommand.Unknown unknown) => unknown.Suggestion is { } suggestion
        ? new CommandReply($"I don't know `{ChatText.Escape(ChatText.Clip(unknown.Typed, 40))}`. Did you mean `{suggestion.Name}`?\nUsage: `{suggestion.Usage}` — {suggestion.Summary}")
        : new CommandReply($"I don't know `{ChatText.Escape(ChatText.Clip(unknown.Typed, 40))}`. Try `help` for the list of commands.");
}

/// <summary>A command's arguments are missing or malformed; the message says which.</summary>
public sealed class UsageException(string message) : Exception(message);
