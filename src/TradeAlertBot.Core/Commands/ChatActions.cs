namespace TradeAlertBot.Core.Commands;

/// <summary>
/// The buttons the bot puts under alerts and replies, for Slack and Teams alike: their action ids, and what a click
/// means as a <see cref="Command"/>. Renderers declare buttons with these ids; inbound handlers turn clicks back here.
/// </summary>
public static class ChatActions
{
    /// <summary>An alert's "Mute rule": unsubscribes the channel from the rule that matched (value: the rule name).</summary>
    public const string MuteRule = "mute_rule";

    /// <summary>An alert's "More like this": the latest alerts of the story's category (value: the story id).</summary>
    public const string MoreLikeThis = "more_like_this";

    /// <summary>"More" under search results: the next page (value: <c>OFFSET|QUERY</c>).</summary>
    public const string SearchMore = "search_more";

    /// <summary>Slack's "Open article" link button: the browser opens the link; the click needs only its ack.</summary>
    public const string OpenArticle = "open_article";

    /// <summary>The field of a Teams Action.Submit's data that carries the value (alert cards name it after its meaning).</summary>
    public static string DataKey(string actionId) => actionId switch
    {
        MuteRule => "rule",
        MoreLikeThis => "storyId",
        _ => "value",
    };

    /// <summary>The "More" button for the results after <paramref name="offset"/> of <paramref name="query"/>.</summary>
    public static ReplyButton NextPage(int offset, string query) => new("More", SearchMore, $"{offset}|{ChatText.Clip(query, 1900)}");

    /// <summary>The command a click stands for, or null for an unknown action or a malformed value.</summary>
    public static Command? ToCommand(string actionId, string value) => actionId switch
    {
        MuteRule when value.Trim().Length > 0 => CommandParser.Parse("unsubscribe " + value) as Command,
        MoreLikeThis when long.TryParse(value, out _) => new Command(CommandCatalog.Similar, [value], value),
        SearchMore when value.IndexOf('|') is var bar and > 0 && int.TryParse(value[..bar], out var offset) && offset >= 0
            => Search(value[(bar + 1)..], offset),
        _ => null,
    };

    private static Command Search(string query, int offset) =>
        new(CommandParser.Find("search")!, query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), query.Trim()) { Offset = offset };
}
