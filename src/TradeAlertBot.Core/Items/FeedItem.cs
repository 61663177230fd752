namespace TradeAlertBot.Core.Items;

/// <summary>
/// One entry of an RSS or Atom feed after parsing and sanitising: every field is plain text with HTML removed,
/// control characters stripped and lengths capped, so later stages never see markup or hostile input.
/// </summary>
/// <param name="Guid">The publisher's identifier (RSS <c>guid</c>, Atom <c>id</c>), or null when the entry has none.
/// It is an opaque key, not a link, and is not unique across feeds (or even within one).</param>
/// <param name="Link">An absolute http or https URL of the story, or null when the entry has none that is safe.</param>
/// <param name="Title">The headline as plain text; empty when the entry has no title.</param>
/// <param name="Body">The entry's content or summary as plain text; paragraphs are separated by a blank line.</param>
/// <param name="Published">When the publisher says the entry was published (or last updated, failing that),
/// or null when the date is missing, unreadable or implausibly far in the future.</param>
/// <param name="Author">The author's name as the feed gives it, or null.</param>
public sealed record FeedItem(
    string? Guid,
    string? Link,
    string Title,
    string Body,
    DateTimeOffset? Published,
    string? Author)
{
    /// <summary>The official record the item was read from (Federal Register API); null for news feed entries.</summary>
    public OfficialDocument? Document { get; init; }
}
