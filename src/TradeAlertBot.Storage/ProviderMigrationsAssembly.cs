using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace TradeAlertBot.Storage;

#pragma warning disable EF1001 // MigrationsAssembly is internal API; subclassing it keeps EF's own discovery and id rules
/// <summary>
/// Both providers' migration sets live in this assembly for the same context; EF would see them as one history.
/// This keeps only the set under Migrations.{Sqlite,Postgres} that matches the context's provider.
/// </summary>
internal sealed class ProviderMigrationsAssembly : MigrationsAssembly
{
    private readonly string Namespace;
    private IReadOnlyDictionary<string, TypeInfo>? migrations;
    private ModelSnapshot? snapshot;

    public static string NamespaceFor(DbContext context) =>
        typeof(ProviderMigrationsAssembly).Namespace + ".Migrations." + (context.Database.IsNpgsql() ? "Postgres" : "Sqlite");

    public ProviderMigrationsAssembly(
        ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator,
        IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
        : base(currentContext, options, idGenerator, logger) =>
        Namespace = NamespaceFor(currentContext.Context);

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        migrations ??= base.Migrations.Where(m => m.Value.Namespace == Namespace)
            .ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot =>
        snapshot ??= Assembly.DefinedTypes
            .Where(t => t.Namespace == Namespace && !t.IsAbstract && typeof(ModelSnapshot).IsAssignableFrom(t))
            .Select(t => (ModelSnapshot?)Activator.CreateInstance(t.AsType()))
            .FirstOrDefault();
}
#pragma warning restore EF1001
