using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace TradeAlertBot.Admin;

/// <summary>
/// Hangfire's dashboard at <c>/admin/jobs</c>, on this host's job storage (never the static global), behind the admin
/// sign-in: an anonymous visitor is sent to the sign-in form like on every admin page. Read-only unless
/// <c>Admin:JobsDashboardWritable</c> allows retrying and deleting jobs. Its pages load their scripts and styles from
/// under /admin/jobs, so the site's Content-Security-Policy ('self' only) holds.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        var admin = app.ServiceProvider.GetRequiredService<IOptions<AdminOptions>>().Value;
        var options = new DashboardOptions
        {
            AppPath = "/admin", // "Back to site" leads to the admin page
            DashboardTitle = "TradeAlertBot jobs",
            // The endpoint's policy already signed the visitor in; Hangfire's default (local requests only) would
            // refuse every admin behind a proxy, so the filter only repeats the policy's verdict.
            Authorization = [new SignedInAdmin()],
            IsReadOnlyFunc = _ => !admin.JobsDashboardWritable,
            // PostgreSQL's connection string names the host and database: not for the page.
            DisplayStorageConnectionString = false,
        };
        app.MapHangfireDashboard(Path, options, app.ServiceProvider.GetRequiredService<JobStorage>())
            .RequireAuthorization(AdminEndpoints.Policy);
        return app;
    }

    private sealed class SignedInAdmin : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.Identity is { IsAuthenticated: true, AuthenticationType: AdminEndpoints.Scheme };
    }
}
