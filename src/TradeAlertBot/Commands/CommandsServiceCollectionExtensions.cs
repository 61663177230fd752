using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>
    /// Chat commands: the router, one handler per verb, their shared helpers and the one <see cref="CommandJob"/>.
    /// A new command is one handler file and one line here. Each platform's <see cref="IChatReplier"/> is added with
    /// the platform (AddSlack, AddTeams), when it is on.
    /// </summary>
    public static IServiceCollection AddCommands(this IServiceCollection services)
    {
        services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddAudit(); // every state-changing command writes to it
        services
            .AddSingleton<QueryLimiter>()
            .AddSingleton<AdminDirectory>()
            .AddScoped<Backtester>()
            .AddScoped<FeedRegistry>()
            .AddSingleton<SourceCatalog>()
            .AddScoped<RuleRegistration>()
            .AddScoped<RuleHistory>()
            .AddScoped<DeliveryReplay>()
            .AddScoped<ChannelSettings>()
            .AddScoped<CommandRouter>()
            .AddScoped<CommandJob>()
            .AddHostedService<CommandRoutingCheck>();

        services.AddScoped<ICommandHandler, HelpHandler>();
        services.AddScoped<ICommandHandler, LatestHandler>();
        services.AddScoped<ICommandHandler, SearchHandler>();
        services.AddScoped<ICommandHandler, SimilarHandler>();
        services.AddScoped<ICommandHandler, CategoriesHandler>();
        services.AddScoped<ICommandHandler, RulesHandler>();
        services.AddScoped<ICommandHandler, FeedsHandler>();
        services.AddScoped<ICommandHandler, SubscribeHandler>();
        services.AddScoped<ICommandHandler, UnsubscribeHandler>();
        services.AddScoped<ICommandHandler, SubscriptionsHandler>();
        services.AddScoped<ICommandHandler, WatchAddHandler>();
        services.AddScoped<ICommandHandler, WatchListHandler>();
        services.AddScoped<ICommandHandler, WatchRemoveHandler>();
        services.AddScoped<ICommandHandler, MuteHandler>();
        services.AddScoped<ICommandHandler, DigestHandler>();
        services.AddScoped<ICommandHandler, QuietHandler>();
        services.AddScoped<ICommandHandler, RemindHandler>();
        services.AddScoped<ICommandHandler, UpcomingHandler>();
        services.AddScoped<ICommandHandler, RuleAddHandler>();
        services.AddScoped<ICommandHandler, RuleEditHandler>();
        services.AddScoped<ICommandHandler, RuleRemoveHandler>();
        services.AddScoped<ICommandHandler, RuleHistoryHandler>();
        services.AddScoped<ICommandHandler, RuleRevertHandler>();
        services.AddScoped<ICommandHandler, RuleTestHandler>();
        services.AddScoped<ICommandHandler, FeedAddHandler>();
        services.AddScoped<ICommandHandler, FeedRemoveHandler>();
        services.AddScoped<ICommandHandler, SourcesHandler>();
        services.AddScoped<ICommandHandler, SourcesAddHandler>();
        services.AddScoped<ICommandHandler, DeliveriesHandler>();
        services.AddScoped<ICommandHandler, ReplayHandler>();
        services.AddScoped<ICommandHandler, ResumeHandler>();
        services.AddScoped<ICommandHandler, AdminAddHandler>();
        services.AddScoped<ICommandHandler, AdminRemoveHandler>();
        services.AddScoped<ICommandHandler, AuditHandler>();
        return services;
    }
}
