using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands.Handlers;

/// <summary>
/// <c>search QUERY</c>: stored items of the last 30 days matching a rule query, newest first, a page at a time (the
/// "More" button asks for the page at <see cref="Command.Offset"/>). Within <see cref="QueryOptions.QueryBudget"/>:
/// past it the answer is what was found, marked incomplete.
/// </summary>
public sealed class SearchHandler(TradeAlertDbContext db, TimeProvider time, IOptions<QueryOptions> options) : ICommandHandler
{
    public const int PageSize = LatestStories.PageSize;
    private const int BatchSize = 500;
    private static readonly TimeSpan SearchWindow = TimeSpan.FromDays(30);

    public CommandSpec Spec { get; } = CommandCatalog.Named("search");

    public async Task<CommandReply> HandleAsync(Command command, CommandContext context, CancellationToken ct)
    {
        var (query, offset) = (command.Rest, command.Offset);
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new UsageException("Give a query, e.g. `search tariff* AND steel`.");
        }

        var rules = RuleSet.Compile([Rule.Parse("search", query)]);
        var since = time.GetUtcNow() - SearchWindow;
        var budget = options.Value.QueryBudget;
        using var deadline = new CancellationTokenSource(budget, time);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        var found = new List<SearchRow>();
        var (skipped, scanned, more, cutShort) = (0, 0, false, false);
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
                    .Take(BatchSize)
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
                if (rules.Match(Document.Create(item.Title, item.Body)).Count == 0 || skipped++ < offset)
                {
                    continue;
                }

                if (found.Count == PageSize)
                {
                    more = true;
                    break;
                }

                found.Add(item);
            }

            if (page.Count < BatchSize)
            {
                break;
            }

            before = page[^1].Id;
        }

        var reply = new ReplyBuilder();
        if (found.Count == 0)
        {
            var line = reply.Paragraph();
            _ = offset == 0 ? line.Text("Nothing in the last 30 days matches ").Code(query).Text(".") : line.Text("No more results.");
        }
        else
        {
            reply.Paragraph().Strong($"Results {offset + 1}–{offset + found.Count} for").Text(" ").Code(ChatText.Clip(query, 200)).Text(":");
            foreach (var item in found)
            {
                LatestStories.Item(reply.Bullet(), item.Title, item.Link, null, item.When);
            }
        }

        if (cutShort)
        {
            var total = await db.Items.AsNoTracking().CountAsync(i => i.FetchedAt >= since, ct);
            reply.Paragraph().Emphasis(PartialScan.Note(scanned, total, budget) + ".");
        }

        return reply.Build(buttons: more ? [ChatActions.NextPage(offset + PageSize, query)] : null);
    }

    private sealed record SearchRow(long Id, string Title, string Body, string? Link, DateTimeOffset When);
}
