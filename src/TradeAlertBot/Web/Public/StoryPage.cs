namespace TradeAlertBot.Web.Public;

/// <summary>A page of stories, the id to page on from (null: nothing older), and the filter choices.</summary>
public sealed record StoryPage(
    IReadOnlyList<StoryCard> Stories,
    long? OlderBefore,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Countries);
