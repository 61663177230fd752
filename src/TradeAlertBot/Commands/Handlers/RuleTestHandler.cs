using System.Globalization;
using Microsoft.Extensions.Options;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary><c>rule test QUERY</c>: how the query would have done over the stored items of the last 30 days.</summary>
public sealed class RuleTestHandler(TradeAlertDbContext db, Backtester backtester, IOptions<QueryOptions> options) : ICommandHandler
{
    public CommandSpec Spec { get; } = CommandCatalog.Named("rule test");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Rest))
        {
            throw new UsageException("Give a query to test, e.g. `rule test tariff* AND steel`.");
        }

        var result = await backtester.RunAsync(db, command.Rest, options.Value.QueryBudget, ct);
        var reply = new ReplyBuilder();
        reply.Paragraph().Code(ChatText.Clip(command.Rest, 200))
            .Text(" would have matched ").Strong(result.Matched7Days.ToString(CultureInfo.InvariantCulture))
            .Text(" item(s) in the last 7 days and ").Strong(result.Matched30Days.ToString(CultureInfo.InvariantCulture))
            .Text(string.Create(CultureInfo.InvariantCulture, $" in the last 30 (of {result.Scanned:N0} scanned in {result.Elapsed.TotalMilliseconds:N0} ms)."));
        if (result.OutOf is { } total)
        {
            reply.Paragraph().Emphasis(PartialScan.Note(result.Scanned, total, options.Value.QueryBudget) + ".");
        }

        if (result.Newest.Count > 0)
        {
            reply.Paragraph().Text("Newest matches:");
            foreach (var example in result.Newest)
            {
                var when = (example.Published ?? example.FetchedAt).ToString("d MMM", CultureInfo.InvariantCulture);
                reply.Bullet().Text($"{ChatText.Clip(example.Title, 150)} ({when}) — matched: {string.Join(", ", example.Terms.Take(8))}");
            }
        }

        return reply.Build();
    }
}
