using System.ComponentModel.DataAnnotations;

namespace TradeAlertBot.Admin;

/// <summary>The <c>Admin</c> settings: the sign-in token and OpenID Connect provider, how many sign-in attempts one client may make, whether the jobs dashboard may change jobs, and how long the audit log is kept.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Off unless set: the token that signs in to <c>/admin</c>.</summary>
    public string Token { get; set; } = "";

    /// <summary>Sign-in through the organisation's OpenID Connect provider; off unless its Authority is set.</summary>
    public AdminOidcOptions Oidc { get; set; } = new();

    /// <summary>The console is on when either way of signing in is configured (otherwise /admin answers 404).</summary>
    public bool Enabled => Token.Length > 0 || Oidc.Enabled;

    /// <summary>Sign-in attempts one client IP may make per <see cref="SignInWindow"/>; more answer 429 with Retry-After.</summary>
    [Range(1, 10_000)]
    public int SignInAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the jobs dashboard (<c>/admin/jobs</c>) may retry, requeue and delete jobs; off: it only shows them.</summary>
    public bool JobsDashboardWritable { get; set; }

    /// <summary>How long audit log entries are kept (from chat, the command line and the web alike) before the daily prune.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(365);
}
