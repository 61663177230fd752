using System.ComponentModel.DataAnnotations;

namespace TradeAlertBot.Slack;

/// <summary>
/// Settings section "Slack". With <see cref="SigningSecret"/> and a token (<see cref="BotToken"/>, or OAuth
/// installs via <see cref="ClientId"/>/<see cref="ClientSecret"/>) the endpoints and Slack alerts are on; with none
/// the service runs without Slack. Incomplete settings stop start-up (<see cref="SlackOptionsValidator"/>).
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    public string? SigningSecret { get; set; }

    /// <summary>Single-workspace mode: the bot token (xoxb-…) from the app's install page.</summary>
    public string? BotToken { get; set; }

    /// <summary>Socket Mode: the app-level token (xapp-…) with connections:write.</summary>
    public string? AppToken { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Base of every Web API method URL (<c>{ApiBaseUrl}chat.postMessage</c>); tests point it at a local fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>How long one Web API call may take; a timed-out post counts as uncertain and is looked up before a retry.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Slack:Timeout must be between {1} and {2}")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest request body accepted from Slack (slash commands are tiny; interactions carry a message).</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Slack:MaxRequestBytes must be between {1} and {2}")]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Largest answer read from Slack's Web API or a response_url; a longer one is cut off and treated as transient.</summary>
    [Range(1024, int.MaxValue, ErrorMessage = "Slack:MaxResponseBytes must be between {1} and {2}")]
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Workspaces (team ids) the bot serves: installs and requests from any other are refused. Empty: any workspace.
    /// Bare ids in <c>Slack:Admins</c> count in these workspaces.
    /// </summary>
    public List<string> AllowedTeams { get; set; } = [];

    /// <summary>Admins named in settings: <c>TEAM:USER</c>, or a bare <c>USER</c> that counts in <see cref="AllowedTeams"/>.</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>Signed requests (and Events API event ids) remembered to refuse replays within Slack's 5-minute window.</summary>
    [Range(100, 10_000_000, ErrorMessage = "Slack:ReplayCacheSize must be between {1} and {2}")]
    public int ReplayCacheSize { get; set; } = 10_000;

    public bool IsTeamAllowed(string? teamId) =>
        AllowedTeams.Count == 0 || (!string.IsNullOrEmpty(teamId) && AllowedTeams.Contains(teamId, StringComparer.Ordinal));

    public bool HttpEnabled => !string.IsNullOrEmpty(SigningSecret);
    public bool SocketModeEnabled => !string.IsNullOrEmpty(AppToken);
    public bool OAuthEnabled => !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret);
    public bool Enabled => HttpEnabled || SocketModeEnabled;
}
