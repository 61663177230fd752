namespace TradeAlertBot.Core.Threads;

/// <summary>
/// The reminders an alert's thread gets for its action's dates: "takes effect in N days" the lead time before and
/// "takes effect today" on the day, likewise for a comment deadline when the channel asked. Each is due at
/// <see cref="HourOfDay"/> in the channel's time zone (its quiet-hours/digest zone, else UTC): a working-hours message,
/// the same hour whatever the lead.
/// </summary>
public static class ReminderPlan
{
    /// <summary>The local time of day reminders go out.</summary>
    public static readonly TimeOnly HourOfDay = new(9, 0);

    /// <summary>
    /// Every reminder the settings ask for, due or not (the caller keeps the future ones, and overdue ones it already
    /// stored). <paramref name="effectiveOn"/> and <paramref name="commentsCloseOn"/> are the action's days.
    /// </summary>
    public static IReadOnlyList<PlannedReminder> For(DateOnly? effectiveOn, DateOnly? commentsCloseOn, ReminderSettings settings, TimeZoneInfo zone)
    {
        var plan = new List<PlannedReminder>();
        if (effectiveOn is { } effective && settings.LeadDays is { } lead)
        {
            Add(plan, "effective", "takes effect", effective, lead, zone);
        }

        if (commentsCloseOn is { } comments && settings.Comments)
        {
            Add(plan, "comments", "comments close", comments, settings.LeadDays ?? 1, zone);
        }

        return plan;
    }

    private static void Add(List<PlannedReminder> plan, string what, string phrase, DateOnly day, int lead, TimeZoneInfo zone)
    {
        var date = Alerts.DocumentFactLines.Day(day);
        plan.Add(new PlannedReminder($"remind:{what}:{day:yyyy-MM-dd}:before",
            $"Reminder: {phrase} in {lead} day{(lead == 1 ? "" : "s")} ({date}).", At(day.AddDays(-lead), zone)));
        plan.Add(new PlannedReminder($"remind:{what}:{day:yyyy-MM-dd}:today", $"Reminder: {phrase} today ({date}).", At(day, zone)));
    }

    // 09:00 local on that day; a clock change at that hour (none in practice) resolves through the zone's rules.
    private static DateTimeOffset At(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(HourOfDay, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
