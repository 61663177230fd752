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
using TradeAlertBot.SlackApp;
using TradeAlertBot.Storage;
using TradeAlertBot.Teams;
using TradeAlertBot.TeamsApp;
using TradeAlertBot.Telemetry;
using TradeAlertBot.Web;

namespace TradeAlertBot.Hosting;

/// <summary>The web host: storage, feeds, pipeline, alert senders, Hangfire jobs, the local page, the admin page, health and metrics.</summary>
public static class ServiceHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddShippedDefaults(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddStorage();
        services.AddSecretProtection(builder.Configuration); // stored secrets (Slack tokens, webhook URLs) and admin cookies
        services.AddFeeds(builder.Configuration);
        services.AddPipeline();
        services.AddAlertSenders();
        services.AddCommands();
        services.AddSlack(builder.Configuration, whenEnabled: slack => slack.AddSlackCommands());
        services.AddTeams(builder.Configuration, whenEnabled: teams => teams.AddTeamsCommands());
        services.AddHealth();
        services.AddWebSecurity(builder.Configuration);
        services.AddAdminPage(builder.Configuration);
        services.AddHostedService<StartupTasks>(); // before the job server: migrate and seed first
        services.AddJobs(builder.Configuration);
        services.AddTelemetry(); // after the start-up tasks: its refresher reads the migrated database

        var app = builder.Build();
        app.UseWebSecurity();
        app.MapSiteAssets();
        app.MapHealth();
        app.MapTelemetry();
        app.MapAlertPage();
        app.MapAdminPageIfEnabled(app.Configuration);
        app.MapSlackIfEnabled();
        app.MapTeamsIfEnabled();
        return app;
    }

    private static IServiceCollection AddPipeline(this IServiceCollection services) => services
        .AddSingleton<RuleCatalog>()
        .AddSingleton<StoryIndex>()
        .AddSingleton<StoryIndexRefresher>()
        .AddSingleton<ItemIngestor>()
        .AddScoped<Seeder>();

    private static IServiceCollection AddAlertSenders(this IServiceCollection services) => services
        .AddSingleton<AlertStream>()
        .AddSingleton<IAlertSender, ConsoleAlertSender>(_ => new ConsoleAlertSender())
        .AddSingleton<IAlertSender, WebStreamAlertSender>();

    // `dotnet run` from the repository root makes that the content root, where no appsettings.json lies, and the
    // console filled with SQL at Information. The defaults shipped next to the program go first, so every other
    // source (a content-root file, environment variables, the command line) still overrides them.
    private static void AddShippedDefaults(ConfigurationManager configuration)
    {
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        var shipped = configuration.Sources[^1];
        configuration.Sources.RemoveAt(configuration.Sources.Count - 1);
        configuration.Sources.Insert(0, shipped);
    }
}
