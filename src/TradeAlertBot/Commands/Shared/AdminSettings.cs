using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// The admins named in settings, per platform, and the workspaces or tenants a bare id counts in. Bound once at
/// composition from <c>Slack:Admins</c>, <c>Slack:AllowedTeams</c>, <c>Teams:Admins</c>, <c>Teams:TenantId</c> and
/// <c>Teams:AllowedTenants</c>; each may be a list or one comma-separated string (an environment variable).
/// </summary>
public sealed class AdminSettings
{
    public List<string> SlackAdmins { get; set; } = [];

    public List<string> SlackTeams { get; set; } = [];

    public List<string> TeamsAdmins { get; set; } = [];

    public List<string> TeamsTenants { get; set; } = [];

    public IReadOnlyList<string> Admins(string platform) => platform == DestinationKind.Slack ? SlackAdmins : TeamsAdmins;

    public IReadOnlyList<string> DefaultScopes(string platform) => platform == DestinationKind.Slack ? SlackTeams : TeamsTenants;

    /// <summary>Fills <paramref name="settings"/> from configuration (composition only).</summary>
    public static void Bind(AdminSettings settings, IConfiguration configuration)
    {
        settings.SlackAdmins = List(configuration, "Slack:Admins");
        settings.SlackTeams = List(configuration, "Slack:AllowedTeams");
        settings.TeamsAdmins = List(configuration, "Teams:Admins");
        settings.TeamsTenants = [.. List(configuration, "Teams:TenantId"), .. List(configuration, "Teams:AllowedTenants")];
    }

    private static List<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return [.. values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
    }
}
