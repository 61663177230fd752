using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Classification;

/// <summary>
/// Runs the three independent analyses of an item — rule matching, fact extraction, story fingerprint — over one
/// title and body. Thread-safe: the compiled <see cref="RuleSet"/> is immutable.
/// </summary>
public sealed class ItemClassifier(RuleSet rules)
{
    /// <summary>The compiled rules this classifier applies.</summary>
    public RuleSet Rules { get; } = rules;

    /// <summary>The categories (matched rules, with evidence) of one title and body: the one judgement the service,
    /// <c>classify</c> and <c>eval</c> all make.</summary>
    public IReadOnlyList<RuleMatch> Categorize(string title, string body) => Rules.Match(Document.Create(title, body));

    /// <summary>Classifies one item; <paramref name="referenceDate"/> (its published date) anchors year-less dates.</summary>
    public Classification Classify(string title, string body, DateOnly referenceDate) =>
        new(
            Categorize(title, body),
            FactExtractor.Extract(title, body, referenceDate),
            StoryFingerprint.Compute(title, body));
}
