using System.Globalization;

namespace TradeAlertBot.Commands.Shared;

/// <summary>The words that mark an answer cut short by <see cref="QueryOptions.QueryBudget"/>.</summary>
public static class PartialScan
{
    public static string Note(int scanned, int total, TimeSpan budget) => string.Create(CultureInfo.InvariantCulture,
        $"searched {scanned:N0} of {total:N0} items in {Seconds(budget)} s; results may be incomplete");

    public static string Seconds(TimeSpan span) => Math.Ceiling(span.TotalSeconds).ToString("0", CultureInfo.InvariantCulture);
}
