namespace TradeAlertBot.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit log (one per scope, on the scope's context) and its pruning job.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services) => services
        .AddScoped<AuditLog>()
        .AddScoped<AuditPruneJob>();
}
