using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Tests.Jobs;

/// <summary>Contexts on the harness's database until <see cref="Broken"/> is set; then opening one fails, as with a database that cannot be reached.</summary>
internal sealed class BreakableDbContextFactory(IConfiguration configuration, CommandLog? log = null) : IDbContextFactory<TradeAlertDbContext>
{
    public bool Broken { get; set; }

    public TradeAlertDbContext CreateDbContext()
    {
        if (Broken)
        {
            throw new InvalidOperationException("the database cannot be reached");
        }

        var options = new DbContextOptionsBuilder<TradeAlertDbContext>();
        StorageServiceCollectionExtensions.Configure(options, configuration);
        if (log is not null)
        {
            options.AddInterceptors(log);
        }

        return new TradeAlertDbContext(options.Options);
    }
}
