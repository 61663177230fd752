namespace TradeAlertBot.Core.Threads;

/// <summary>
/// A channel's reminder choice: how many days before an effective date (1 or 3; null: no effective-date reminders)
/// and whether comment deadlines are reminded too. Stored as the words <c>remind</c> takes ("1d", "3d", "off").
/// </summary>
public sealed record ReminderSettings(int? LeadDays, bool Comments)
{
    public const string Default = "1d";

    /// <summary>The lead times <c>remind</c> offers.</summary>
    public static readonly IReadOnlyList<string> Choices = ["1d", "3d", "off"];

    /// <summary>The stored setting (null: the default, 1 day) and the comments switch.</summary>
    public static ReminderSettings From(string? remind, bool comments) => new((remind ?? Default) switch
    {
        "off" => null,
        "3d" => 3,
        _ => 1,
    }, comments);

    /// <summary>"1 day before and on the day", "off", with ", comment deadlines too" when on.</summary>
    public string Describe() =>
        (LeadDays is { } days ? $"{days} day{(days == 1 ? "" : "s")} before and on the day" : "off")
        + (Comments ? "; comment deadlines too" : "; comment deadlines off");
}
