using TradeAlertBot.Core.Rules;

namespace TradeAlertBot.Core.Evaluation;

/// <summary>
/// An item filed differently from its labels: the categories it missed, the ones it got wrongly, and the matches
/// (rule terms with spans) that were made, so an admin can see which terms fired.
/// </summary>
public sealed record Misfile(LabelledExample Item, IReadOnlyList<string> Missed, IReadOnlyList<string> Wrong, IReadOnlyList<RuleMatch> Matches);
