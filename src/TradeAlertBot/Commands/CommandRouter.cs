using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands;

/// <summary>
/// Runs one chat command for any platform: parses it once, checks admin rights and the scan rate, routes it by
/// <see cref="CommandSpec.Name"/> to its <see cref="ICommandHandler"/>, and turns every expected failure (unknown
/// command, bad arguments, a rule syntax error) into a helpful reply — never an exception text.
/// </summary>
public sealed class CommandRouter
{
    private readonly TradeAlertDbContext _db;
    private readonly AdminDirectory _admins;
    private readonly QueryLimiter _queryLimiter;
    private readonly ILogger<CommandRouter> _logger;
    private readonly Dictionary<string, ICommandHandler> _handlers;

    public CommandRouter(
        IEnumerable<ICommandHandler> handlers, TradeAlertDbContext db, AdminDirectory admins, QueryLimiter queryLimiter, ILogger<CommandRouter> logger)
    {
        (_db, _admins, _queryLimiter, _logger) = (db, admins, queryLimiter, logger);
        _handlers = Index(handlers);
    }

    public Task<CommandReply> RunAsync(CommandContext context, string? text, CancellationToken ct) =>
        RunAsync(context, CommandParser.Parse(text), ct);

    public async Task<CommandReply> RunAsync(CommandContext context, ParsedCommand parsed, CancellationToken ct)
    {
        if (parsed is not Command command)
        {
            return Unknown((ParsedCommand.Unknown)parsed);
        }

        if (command.Spec.AdminOnly && !await _admins.IsAdminAsync(_db, context.Platform, context.TeamId, context.UserId, ct))
        {
            _logger.LogWarning("commands: {Platform} user {User} of {Team} refused admin command {Command}", context.Platform, context.UserId, context.TeamId, command.Spec.Name);
            return CommandReply.Say(line => line.Text("Sorry, ").Code(command.Spec.Name)
                .Text(" is for admins only. Ask an admin to run it, or to make you one with ").Code("admin add @you").Text("."));
        }

        // Only the scans (search, rule test) are limited: they read up to 30 days of items each. Paging on through
        // results already asked for ("More") is part of the same scan.
        if (command.Spec.Slow && command.Offset == 0 && !_queryLimiter.TryStart(context, out var wait))
        {
            _logger.LogWarning("commands: {User} over the query rate; {Command} refused", context.UserId, command.Spec.Name);
            return CommandReply.Say(line => line.Text($"Slow down, try again in {PartialScan.Seconds(wait)} s: ")
                .Code("search").Text(" and ").Code("rule test").Text(" are limited per person."));
        }

        try
        {
            return await _handlers[command.Spec.Name].HandleAsync(command, context, ct);
        }
        catch (RuleSyntaxException e)
        {
            return Usage(command.Spec, line => line.Text("That query has a syntax error: " + e.Message));
        }
        catch (UsageException e)
        {
            return Usage(command.Spec, line => line.Quoted(e.Message));
        }
    }

    // Every routed spec must have exactly one handler: a gap or a duplicate is a wiring mistake, found at start-up.
    private static Dictionary<string, ICommandHandler> Index(IEnumerable<ICommandHandler> handlers)
    {
        var byName = handlers.GroupBy(h => h.Spec.Name).ToDictionary(g => g.Key, g => g.ToList());
        var twice = byName.Where(p => p.Value.Count > 1).Select(p => p.Key).ToList();
        var missing = CommandCatalog.Routed.Select(s => s.Name).Where(n => !byName.ContainsKey(n)).ToList();
        var unknown = byName.Keys.Where(n => CommandCatalog.Routed.All(s => s.Name != n)).ToList();
        if (twice.Count > 0 || missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"commands: each command needs one handler (two for: {string.Join(", ", twice)}; none for: {string.Join(", ", missing)}; not in the catalog: {string.Join(", ", unknown)})");
        }

        return byName.ToDictionary(p => p.Key, p => p.Value[0]);
    }

    private static CommandReply Usage(CommandSpec spec, Action<ReplyLine> message)
    {
        var reply = new ReplyBuilder();
        message(reply.Paragraph());
        reply.Paragraph().Text("Usage: ").Code(spec.Usage);
        return reply.Build();
    }

    private static CommandReply Unknown(ParsedCommand.Unknown unknown)
    {
        var reply = new ReplyBuilder();
        var line = reply.Paragraph().Text("I don't know ").Code(ChatText.Clip(unknown.Typed, 40)).Text(".");
        if (unknown.Suggestion is { } suggestion)
        {
            line.Text(" Did you mean ").Code(suggestion.Name).Text("?");
            reply.Paragraph().Text("Usage: ").Code(suggestion.Usage).Text(" — " + suggestion.Summary);
        }
        else
        {
            line.Text(" Try ").Code("help").Text(" for the list of commands.");
        }

        return reply.Build();
    }
}
