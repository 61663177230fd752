using System.Text;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Deliveries;

/// <summary>Prints alerts to standard output, so the zero-config run shows them without any chat account.</summary>
public sealed class ConsoleAlertSender(TextWriter output) : IAlertSender, IThreadedAlertSender
{
    public ConsoleAlertSender() : this(Console.Out)
    {
    }

    public string Kind => DestinationKind.Console;

    public Task<string> SendAsync(string address, Alert alert, CancellationToken ct)
    {
        output.Write(Format(alert));
        output.Flush();
        return Task.FromResult($"console-{alert.StoryId}");
    }

    public Task UpdateAsync(string address, string messageId, Alert alert, CancellationToken ct)
    {
        output.WriteLine($"[update] story {alert.StoryId} \"{alert.Title}\" now reported by {alert.OutletCount} outlets");
        output.Flush();
        return Task.CompletedTask;
    }

    public Task EditAsync(string address, string messageId, Alert alert, CancellationToken ct)
    {
        output.WriteLine($"[update] story {alert.StoryId} \"{alert.Title}\": {string.Join("; ", alert.Facts.Select(f => $"{f.Label}: {f.Value}"))}");
        output.Flush();
        return Task.CompletedTask;
    }

    public Task<string> ReplyAsync(string address, string messageId, string text, CancellationToken ct)
    {
        output.WriteLine($"    [thread {messageId}] {text}");
        output.Flush();
        return Task.FromResult($"{messageId}-reply-{Guid.NewGuid():n}");
    }

    public Task<string> SendDigestAsync(string address, IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        output.WriteLine();
        output.WriteLine($"=== DIGEST: {alerts.Count} alert(s)");
        foreach (var alert in alerts)
        {
            output.WriteLine($"    [{string.Join(", ", alert.Reasons.Select(r => r.Rule))}] {alert.Title} ({alert.Source}){(alert.Link is null ? "" : " " + alert.Link)}"
                + (alert.WatchLine is { } watch ? $" — {Alert.WatchLineHeading}: {watch}" : ""));
        }

        output.Flush();
        return Task.FromResult($"console-digest-{alerts[0].StoryId}");
    }

    public static string Format(Alert alert)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"=== ALERT [{string.Join(", ", alert.Reasons.Select(r => r.Rule))}] {alert.Title}");
        if (alert.WatchLine is { } watch)
        {
            text.AppendLine($"    {Alert.WatchLineHeading}: {watch}");
        }

        foreach (var reason in alert.Reasons)
        {
            text.AppendLine($"    why: {reason.Rule} <- {string.Join(", ", reason.Terms.Select(t => $"\"{t}\""))}");
        }

        foreach (var fact in alert.Facts)
        {
            text.AppendLine($"    {fact.Label}: {fact.Value}");
        }

        text.AppendLine($"    source: {alert.Source}{(alert.Published is { } p ? $", {p:yyyy-MM-dd HH:mm} UTC" : "")}");
        if (alert.Link is not null)
        {
            text.AppendLine($"    link: {alert.Link}");
        }

        return text.ToString();
    }
}
