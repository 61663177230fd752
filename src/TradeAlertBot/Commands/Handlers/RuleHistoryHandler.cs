using System.Globalization;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>rule history NAME [VERSION]</c>: a rule's versions, newest first, or the line diff one version made.</summary>
public sealed class RuleHistoryHandler(RuleHistory history) : ICommandHandler
{
    // One screen, within one Slack section; the CLI's `rules history` prints everything.
    private const int MaxVersions = 15;
    private const int MaxLength = 3000;

    public CommandSpec Spec { get; } = CommandCatalog.Named("rule history");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var name = command.Args.Count is 1 or 2 ? command.Args[0].ToLowerInvariant() : throw new UsageException("Name one rule, and optionally a version.");
        if (command.Args.Count == 1)
        {
            return await ListAsync(name, ct);
        }

        if (!int.TryParse(command.Args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new UsageException($"`{ChatText.Clip(command.Args[1], 20)}` is not a version number.");
        }

        var (version, diff) = await history.DiffAsync(name, number, ct);
        var reply = new ReplyBuilder();
        Describe(reply.Paragraph().Strong($"Version {version.Version} of").Text(" "), version, name).Text(":");
        foreach (var line in diff)
        {
            if (reply.Length > MaxLength)
            {
                reply.Paragraph().Text("… (the command line's `rules history` shows it all)");
                break;
            }

            reply.Paragraph().Code(line.ToString());
        }

        return reply.Build();
    }

    private async Task<CommandReply> ListAsync(string name, CancellationToken ct)
    {
        var versions = await history.ListAsync(name, ct);
        var reply = new ReplyBuilder();
        reply.Paragraph().Strong($"Rule {name}: {versions.Count} version(s)").Text(versions.Count > MaxVersions ? $", the latest {MaxVersions}:" : ":");
        foreach (var version in versions.Reverse().Take(MaxVersions))
        {
            Describe(reply.Bullet().Strong($"v{version.Version}").Text(" "), version, null)
                .Text(": ").Code(ChatText.Clip(version.Query.ReplaceLineEndings(" "), 150));
        }

        reply.Paragraph().Text("What one changed: ").Code($"rule history {name} VERSION").Text("; back to one: ").Code($"rule revert {name} VERSION").Text(".");
        return reply.Build();
    }

    private static ReplyLine Describe(ReplyLine line, RuleVersion version, string? name)
    {
        if (name is not null)
        {
            line.Code(name).Text(" ");
        }

        line.Text($"{Verb(version.Change)} by {version.Author}, {version.At.UtcDateTime:yyyy-MM-dd HH:mm}Z");
        return version.Reason is { } reason ? line.Text(" — ").Emphasis(ChatText.Clip(reason, 200)) : line;
    }

    internal static string Verb(RuleChange change) => change switch
    {
        RuleChange.Baseline => "as stored",
        RuleChange.Created => "created",
        RuleChange.Edited => "edited",
        RuleChange.Reverted => "reverted",
        _ => "removed",
    };
}
