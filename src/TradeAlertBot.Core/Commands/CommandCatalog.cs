namespace TradeAlertBot.Core.Commands;

/// <summary>Every command the bot understands, the same in Slack (<c>/trade …</c>) and Teams (@mention).</summary>
public static class CommandCatalog
{
    public static readonly IReadOnlyList<CommandSpec> All =
    [
        new("help", "help", "what the bot can do"),
        new("latest", "latest [category] [country]", "the newest alerts, optionally of one category or country"),
        new("search", "search QUERY", "stored items matching a rule query, newest first", Slow: true),
        new("categories", "categories", "the categories you can subscribe to"),
        new("subscribe", "subscribe CATEGORY|RULE [country:XX] [product:NAME] [hs:CODE] | subscribe watchlist", "alert this channel to a category or watch rule, or to every story that touches its watch list"),
        new("unsubscribe", "unsubscribe CATEGORY|RULE [country:XX] [product:NAME] [hs:CODE]", "stop one subscription"),
        new("subscriptions", "subscriptions", "this channel's subscriptions and delivery state"),
        new("watch add", "watch add hs:CODE|product:\"NAME\"|country:XX [country:XX] [LABEL]", "watch an HS code (a shorter one covers longer ones), product or country: alerts that touch it say so at the top"),
        new("watch list", "watch list", "this channel's watch list, numbered"),
        new("watch remove", "watch remove N", "remove entry N (as `watch list` numbers it)"),
        new("mute", "mute 2h|30m|1d|off", "hold this channel's alerts for a while (they arrive afterwards)"),
        new("digest", "digest off|hourly|daily 09:00 [Europe/Berlin]", "collect this channel's alerts into one message per hour or day"),
        new("quiet", "quiet 22:00-07:00 [Europe/Berlin]|off", "hold alerts during those hours and post them together afterwards"),
        new("remind", "remind 1d|3d|off | remind comments on|off", "remind this channel of an alert's effective date (and comment deadline) in its thread"),
        new("upcoming", "upcoming", "effective dates and comment deadlines of the next 30 days among this channel's alerts"),
        new("feeds", "feeds", "the feeds being watched and their health"),
        new("rules", "rules", "the categories and watch rules"),
        new("rule add", "rule add NAME QUERY [--reason TEXT]", "add a watch rule", AdminOnly: true),
        new("rule edit", "rule edit NAME QUERY [--reason TEXT]", "change a watch rule; its history keeps the reason", AdminOnly: true),
        new("rule remove", "rule remove NAME [--reason TEXT]", "remove a watch rule", AdminOnly: true),
        new("rule history", "rule history NAME [VERSION]", "a rule's versions (who, when, why), or what one version changed", AdminOnly: true),
        new("rule revert", "rule revert NAME VERSION [--reason TEXT]", "give a rule an earlier version's query again", AdminOnly: true),
        new("rule test", "rule test QUERY", "how often a query would have matched in the last 7 and 30 days", AdminOnly: true, Slow: true),
        new("feed add", "feed add URL", "watch a feed", AdminOnly: true),
        new("feed remove", "feed remove URL|ID", "stop watching a feed", AdminOnly: true),
        new("sources", "sources", "recommended official sources (Federal Register per agency, GOV.UK) and what each covers"),
        new("sources add", "sources add NAME", "watch a recommended source by its name", AdminOnly: true),
        new("deliveries", "deliveries dead|pending|failed", "alerts that could not be sent, with their errors", AdminOnly: true),
        new("replay", "replay DELIVERY-ID", "send a dead or failed alert again (never one already sent)", AdminOnly: true),
        new("resume", "resume", "resume this channel's paused alerts", AdminOnly: true),
        new("admin add", "admin add @user", "let a user run admin commands", AdminOnly: true),
        new("admin remove", "admin remove @user", "take admin commands away from a user", AdminOnly: true),
        new("audit", "audit [COUNT]", "the latest admin actions from chat, command line and web (10, at most 50)", AdminOnly: true),
    ];

    /// <summary>"More like this" under an alert: reached by the button only, so neither in help nor typed.</summary>
    public static readonly CommandSpec Similar = new("similar", "similar STORY-ID", "the latest alerts of the same category as one alert");

    /// <summary>Every spec a handler must serve: the typed commands and the button-only ones.</summary>
    public static IEnumerable<CommandSpec> Routed => [.. All, Similar];

    /// <summary>The spec called <paramref name="name"/>; a handler names its own this way.</summary>
    public static CommandSpec Named(string name) => Routed.Single(s => s.Name == name);
}
