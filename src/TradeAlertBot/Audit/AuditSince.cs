using System.Globalization;

namespace TradeAlertBot.Audit;

/// <summary>The audit log's "since" filter, the same on the command line (<c>--since</c>) and the console's audit page.</summary>
public static class AuditSince
{
    /// <summary>An age (30m, 12h, 7d) before <paramref name="now"/>, or a date or time (UTC unless it says); null for anything else.</summary>
    public static DateTimeOffset? Parse(string text, DateTimeOffset now)
    {
        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            switch (text[^1])
            {
                case 'm': return now - TimeSpan.FromMinutes(n);
                case 'h': return now - TimeSpan.FromHours(n);
                case 'd': return now - TimeSpan.FromDays(n);
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
