using TradeAlertBot.Admin;
using TradeAlertBot.Commands;
using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Items;
using TradeAlertBot.Deliveries;
using TradeAlertBot.Endpoints;
using TradeAlertBot.Feeds;
using TradeAlertBot.Ingest;
using TradeAlertBot.Jobs;
using TradeAlertBot.Slack;
using TradeAlertBot.Endpoints.Slack;
using TradeAlertBot.Storage;
using TradeAlertBot.Teams;
using TradeAlertBot.Endpoints.Teams;
using TradeAlertBot.Telemetry;
using TradeAlertBot.Web;

namespace TradeAlertBot.Hosting;

/// <summary>
/// The web host: storage, feeds, pipeline, alert senders, Hangfire jobs, the local page, the admin page, health and
/// metrics. Its <see cref="NodeRole"/> leaves out the job servers (web) or every page but health and metrics (worker).
/// </summary>
public static class ServiceHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        AppConfiguration.AddShippedDefaults(builder.Configuration);
        builder.Configuration.AddCommandLine(args, NodeOptions.SwitchMappings); // --role, above every other source
        var node = NodeOptions.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(node);
        services.AddSingleton(TimeProvider.System);
        services.AddStorage();
        services.AddSecretProtection(); // stored secrets (Slack tokens, webhook URLs) and admin cookies
        services.AddFeeds(builder.Configuration);
        services.AddPipeline();
        services.AddAlertSenders();
        services.AddCommands();
        services.AddSlack(builder.Configuration, whenEnabled: slack => slack.AddSlackCommands());
        services.AddTeams(builder.Configuration, whenEnabled: teams => teams.AddTeamsCommands());
        services.AddHealth();
        services.AddWebSecurity();
        services.AddAdminPage(builder.Configuration);
        services.AddAlertPage();
        services.AddBackgroundWork(node);
        if (!node.ServesPages)
        {
            // Slack's Socket Mode is a chat endpoint too, over an outbound WebSocket: commands reach web nodes only.
            foreach (var socketMode in services.Where(d => d.ImplementationType == typeof(Slack.SocketMode.SocketModeService)).ToList())
            {
                services.Remove(socketMode);
            }
        }

        var app = builder.Build();
        app.UseWebSecurity();
        app.MapHealth();
        app.MapTelemetry();
        if (node.ServesPages)
        {
            app.MapAlertPage();
            app.MapRazorPages();
            app.MapAdminPageIfEnabled();
            app.MapSlackIfEnabled();
            app.MapTeamsIfEnabled();
        }

        return app;
    }

    // Hosted services start in registration order, and this is the one place that order is set: the start-up tasks
    // migrate and seed the database before a job server may run a job against it, and the telemetry refresher reads
    // the migrated database and the job storage last. Every role runs the start-up tasks (docs/scaling.md, "Node roles").
    private static IServiceCollection AddBackgroundWork(this IServiceCollection services, NodeOptions node)
    {
        services.AddHostedService<StartupTasks>();
        services.AddJobs(runServers: node.RunsJobs);
        services.AddTelemetry();
        return services;
    }

    private static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.SectionName);
        return services
            .AddSingleton<RuleCatalog>()
            .AddSingleton<StoryIndex>()
            .AddSingleton<StoryIndexRefresher>()
            .AddSingleton<ItemIngestor>()
            .AddScoped<Seeder>();
    }

    private static IServiceCollection AddAlertSenders(this IServiceCollection services) => services
        .AddSingleton<AlertStream>()
        .AddSingleton<IAlertSender, ConsoleAlertSender>(_ => new ConsoleAlertSender())
        .AddSingleton<IAlertSender, WebStreamAlertSender>();
}
