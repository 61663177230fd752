namespace TradeAlertBot.Admin.Overview;

/// <summary>One alert of the overview's list: the story, its rules, when it was first seen and where it was sent.</summary>
public sealed record RecentAlert(
    long StoryId,
    string Title,
    string? Link,
    IReadOnlyList<string> Categories,
    DateTimeOffset FirstSeenAt,
    IReadOnlyList<string> SentTo);
