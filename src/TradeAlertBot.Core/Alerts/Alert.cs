namespace TradeAlertBot.Core.Alerts;

/// <summary>
/// One alert, independent of any chat platform: each sender renders it (console text, web card, Block Kit,
/// Adaptive Card). <see cref="OutletCount"/> grows as other outlets report the same story.
/// </summary>
public sealed record Alert(
    long StoryId,
    string Title,
    string? Link,
    string Source,
    DateTimeOffset? Published,
    string Summary,
    IReadOnlyList<AlertReason> Reasons,
    IReadOnlyList<AlertFact> Facts,
    int OutletCount)
{
    /// <summary>
    /// Per destination: what of the destination's watch list the story touches ("8541.43 solar cells, from CN"), shown
    /// at the top of the alert after <see cref="WatchLineHeading"/>; null when it touches none.
    /// </summary>
    public string? WatchLine { get; init; }

    public const string WatchLineHeading = "Your watch list";
}

/// <summary>Why the alert fired: a rule and the terms that matched it.</summary>
public sealed record AlertReason(string Rule, IReadOnlyList<string> Terms);

/// <summary>A labelled fact line ("Rates": "125% (tariff)").</summary>
public sealed record AlertFact(string Label, string Value);
