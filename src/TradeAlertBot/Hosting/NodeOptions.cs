using TradeAlertBot.Jobs;

namespace TradeAlertBot.Hosting;

/// <summary>
/// The <c>Node</c> settings: this node's <see cref="NodeRole"/>, from <c>Node:Role</c> (configuration, or the
/// environment as <c>Node__Role</c> in a container) or the <c>--role</c> switch. The role decides which services
/// exist, so it is read from configuration before the container is built rather than bound as an option later.
/// </summary>
public sealed record NodeOptions(NodeRole Role)
{
    public const string SectionName = "Node";

    public const string RoleKey = SectionName + ":Role";

    /// <summary><c>--role web</c> (or <c>--role=web</c>) on the command line sets <c>Node:Role</c>.</summary>
    public static readonly IDictionary<string, string> SwitchMappings = new Dictionary<string, string> { ["--role"] = RoleKey };

    /// <summary>Whether this node runs the Hangfire job servers.</summary>
    public bool RunsJobs => Role != NodeRole.Web;

    /// <summary>Whether this node serves the chat endpoints, the alert page and the admin page.</summary>
    public bool ServesPages => Role != NodeRole.Worker;

    /// <summary>The role in settings and in /healthz: "all", "web" or "worker".</summary>
    public string Name => Role.ToString().ToLowerInvariant();

    /// <summary>The node settings in <paramref name="configuration"/>; a role that cannot work stops start-up with the reason.</summary>
    public static NodeOptions From(IConfiguration configuration)
    {
        var jobs = configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var role = configuration[RoleKey];
        return Problem(role, jobs) is { } problem
            ? throw new InvalidOperationException("settings: " + problem)
            : new NodeOptions(Parse(role)!.Value);
    }

    /// <summary>The role <paramref name="text"/> names (unset means <see cref="NodeRole.All"/>), or null when it names none.</summary>
    public static NodeRole? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => NodeRole.All,
        "web" => NodeRole.Web,
        "worker" => NodeRole.Worker,
        _ => null,
    };

    /// <summary>Why <paramref name="role"/> cannot work with <paramref name="jobs"/>, or null when it can.</summary>
    public static string? Problem(string? role, JobsOptions jobs) => Parse(role) switch
    {
        null => $"Node:Role must be 'all', 'web' or 'worker' (not '{role}')",
        // Jobs in memory live in one process: a web node's jobs would never run, and a worker would never get any.
        NodeRole.Web when !jobs.IsPostgres =>
            "Node:Role 'web' needs Hangfire:Storage 'postgres': with jobs in memory the jobs it enqueues would never run",
        NodeRole.Worker when !jobs.IsPostgres =>
            "Node:Role 'worker' needs Hangfire:Storage 'postgres': with jobs in memory no other node could hand it a job",
        _ => null,
    };
}
