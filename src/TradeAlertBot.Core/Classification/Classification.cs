using TradeAlertBot.Core.Extraction;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Classification;

/// <summary>What an item is about: the categories (rules) it matched with their evidence, its facts and its story fingerprint.</summary>
public sealed record Classification(IReadOnlyList<RuleMatch> Categories, ExtractedFacts Facts, StoryFingerprint Fingerprint);
