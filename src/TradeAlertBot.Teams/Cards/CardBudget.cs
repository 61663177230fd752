namespace TradeAlertBot.Teams.Cards;

/// <summary>How much of each alert field a card shows (UTF-16 units before escaping, or item counts).</summary>
internal sealed record CardBudget(
    int Title,
    int Summary,
    int Reasons,
    int Rule,
    int Terms,
    int Term,
    int Facts,
    int Label,
    int Value,
    int Fallback);
