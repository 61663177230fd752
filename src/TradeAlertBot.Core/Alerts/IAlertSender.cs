namespace TradeAlertBot.Core.Alerts;

/// <summary>Sends alerts to one kind of destination (console, web stream, Slack, Teams).</summary>
public interface IAlertSender
{
    /// <summary>The destination kind this sender serves ("console", "web", …).</summary>
    string Kind { get; }

    /// <summary>Posts a new alert and returns the platform's message id (used for later updates).</summary>
    Task<string> SendAsync(string address, Alert alert, CancellationToken ct);

    /// <summary>Updates a posted alert (e.g. "reported by N outlets").</summary>
    Task UpdateAsync(string address, string messageId, Alert alert, CancellationToken ct);

    /// <summary>Posts several held alerts as one digest message and returns its message id.</summary>
    Task<string> SendDigestAsync(string address, IReadOnlyList<Alert> alerts, CancellationToken ct);
}
