namespace TradeAlertBot.Core.Alerts;

/// <summary>
/// The kinds of destination an alert can go to; each names one <see cref="IAlertSender"/>. The Slack and Teams kinds
/// are also the chat platforms commands come from.
/// </summary>
public static class DestinationKind
{
    public const string Slack = "slack";
    public const string Teams = "teams";
    /// <summary>A Teams Workflows webhook: post-only, for teams that cannot install the bot.</summary>
    public const string TeamsWebhook = "teams-webhook";
    /// <summary>The host's standard output: alerts visible with no credentials.</summary>
    public const string Console = "console";
    /// <summary>The local alert page's event stream.</summary>
    public const string Web = "web";
}
