using System.Globalization;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Audit;

/// <summary>How audit entries name what was changed, the same from chat, the command line and the web.</summary>
public static class AuditTargets
{
    public static string Destination(Destination d) => $"destination {d.Kind}:{d.Address}";

    /// <summary>"new-tariffs country:VN product:steel hs:7208", in the words <c>subscribe</c> takes.</summary>
    public static string Subscription(Subscription s) =>
        s.RuleName + (s.Country is null ? "" : $" country:{s.Country}") + (s.Product is null ? "" : $" product:{s.Product}")
        + (s.HsCode is null ? "" : $" hs:{s.HsCode}");

    /// <summary>"hs:8541.43 product:\"solar panels\" country:CN \"label\"", in the words <c>watch add</c> takes.</summary>
    public static string WatchEntry(WatchListEntry e) => string.Join(' ', new[]
    {
        e.HsCode is null ? null : "hs:" + Core.Extraction.HsCode.Format(e.HsCode),
        e.Product is null ? null : $"product:\"{e.Product}\"",
        e.Country is null ? null : "country:" + e.Country,
        e.Label is null ? null : $"\"{e.Label}\"",
    }.Where(p => p is not null));

    /// <summary>A channel's hold and reminder settings (mute, quiet hours, digest, remind) as one line; "none" when all are off.</summary>
    public static string ChannelSettings(Destination d)
    {
        var parts = new List<string>();
        if (d.MutedUntil is { } until)
        {
            parts.Add("muted until " + until.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture));
        }

        if (d.QuietHours is { } quiet)
        {
            parts.Add($"quiet {quiet}");
        }

        if (d.Digest is { } digest)
        {
            parts.Add($"digest {digest}");
        }

        if (d.Remind is { } remind)
        {
            parts.Add($"remind {remind}");
        }

        if (d.RemindComments)
        {
            parts.Add("remind comments on");
        }

        if (d.TimeZone is { } zone && parts.Count > 0)
        {
            parts.Add(zone);
        }

        return parts.Count == 0 ? "none" : string.Join("; ", parts);
    }
}
