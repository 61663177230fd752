namespace TradeAlertBot.Core.Evaluation;

/// <summary>How one category fared on a labelled set.</summary>
public sealed record CategoryScore(string Category, int Support, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Of the items filed under the category, the share that belong there (1 when nothing was filed).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Of the items that belong under the category, the share filed there (1 when none belong).</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
