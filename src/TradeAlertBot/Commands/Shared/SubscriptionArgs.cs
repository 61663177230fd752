using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Routing;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// <c>CATEGORY|RULE [country:XX] [product:NAME] [hs:CODE]</c> or <c>watchlist</c> as a subscription (subscribe,
/// unsubscribe), and how a subscription is shown.
/// </summary>
public static class SubscriptionArgs
{
    /// <exception cref="UsageException">No name, an unknown one (when it must exist) or a malformed filter.</exception>
    public static Task<Subscription> ParseAsync(TradeAlertDbContext db, Command command, bool mustExist, CancellationToken ct) =>
        ParseAsync(db, command.Args, mustExist, ct);

    /// <summary>The words after the command (the console's form joins its rule and filter fields the same way).</summary>
    /// <exception cref="UsageException">No name, an unknown one (when it must exist) or a malformed filter.</exception>
    public static async Task<Subscription> ParseAsync(TradeAlertDbContext db, IReadOnlyList<string> args, bool mustExist, CancellationToken ct)
    {
        if (args.Count == 0)
        {
            throw new UsageException("Name a category or watch rule (see `categories` and `rules`).");
        }

        var name = args[0].ToLowerInvariant();
        if (name == SubscriptionFilter.WatchListRule)
        {
            // The channel's own list is the filter: narrowing goes on its entries (watch add … country:XX).
            return args.Count == 1
                ? new Subscription { RuleName = name }
                : throw new UsageException("`watchlist` takes no filters: put the country on the watch entries (`watch add hs:CODE country:XX`).");
        }

        if (mustExist && !await db.Rules.AnyAsync(r => r.Name == name, ct))
        {
            var names = await db.Rules.Select(r => r.Name).ToListAsync(ct);
            throw new UsageException($"There is no category or rule `{ChatText.Clip(name, 60)}`. Known: {string.Join(", ", names.Take(30))}.");
        }

        var subscription = new Subscription { RuleName = name };
        foreach (var arg in args.Skip(1))
        {
            var (key, value) = arg.IndexOf(':') is var colon and > 0 ? (arg[..colon].ToLowerInvariant(), arg[(colon + 1)..]) : ("", "");
            switch (key)
            {
                case "country" when value.Length == 2 && value.All(char.IsAsciiLetter):
                    subscription.Country = value.ToUpperInvariant();
                    break;
                case "product" when value.Length is > 0 and <= 60:
                    subscription.Product = value.Replace('_', ' ').ToLowerInvariant();
                    break;
                case "hs" when value.Length is >= 2 and <= 10 && value.All(char.IsAsciiDigit):
                    subscription.HsCode = value;
                    break;
                default:
                    throw new UsageException($"`{ChatText.Clip(arg, 40)}` is not a filter; use country:XX (two letters), product:NAME or hs:DIGITS.");
            }
        }

        return subscription;
    }

    public static bool Same(Subscription a, Subscription b) =>
        a.RuleName == b.RuleName && a.Country == b.Country && a.Product == b.Product && a.HsCode == b.HsCode;

    /// <summary>Appends "`rule` in VN for steel (HS 7208)" to <paramref name="line"/>.</summary>
    public static ReplyLine Describe(this ReplyLine line, Subscription s) => line.Code(s.RuleName)
        .Text((s.Country is null ? "" : $" in {s.Country}")
              + (s.Product is null ? "" : $" for {s.Product}")
              + (s.HsCode is null ? "" : $" (HS {s.HsCode})"));
}
