using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Web.Public;

/// <summary>One story as the public page shows it: why it matched, its facts, its effective date and who reported it.</summary>
public sealed record StoryCard(
    long Id,
    string Title,
    string? Link,
    DateTimeOffset FirstSeenAt,
    string? Effective,
    IReadOnlyList<AlertReason> Reasons,
    IReadOnlyList<AlertFact> Facts,
    IReadOnlyList<StoryOutlet> Outlets,
    int OutletCount)
{
    /// <summary>Only http(s) links become hrefs: a feed could carry javascript: or data: URLs.</summary>
    public static string? SafeLink(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    /// <summary>The date the measure takes effect, as the extracted facts give it.</summary>
    public static string? EffectiveFrom(IReadOnlyList<AlertFact> facts) =>
        facts.FirstOrDefault(f => f.Label == "Effective")?.Value;
}

/// <summary>An outlet that reported a story: the feed's name and the item's own link.</summary>
public sealed record StoryOutlet(string Name, string? Link);
