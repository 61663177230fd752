using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Feeds;
using TradeAlertBot.Feeds.FederalRegister;
using TradeAlertBot.Feeds.Fetching;

namespace TradeAlertBot.Cli;

/// <summary><c>sources [add NAME]</c>: the recommended official sources, and adding one as a feed (as chat's <c>sources add</c>).</summary>
internal static class SourcesCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The source's name, as `sources` lists it (e.g. fr-bis)." };
        var add = new Command("add", "Watch a recommended source: it is added as a feed and polled at the next dispatch.") { name };
        add.SetAction((result, ct) => AddAsync(console, result.GetRequiredValue(name), ct));

        var sources = new Command("sources", "List recommended official sources: what each covers and where its URL comes from.") { add };
        sources.SetAction((_, _) => Task.FromResult(List(console)));
        return sources;
    }

    private static int List(CliConsole console)
    {
        var catalog = Catalog(Services(console));
        foreach (var source in catalog.All)
        {
            console.Out.WriteLine($"{source.Name,-18}  {source.Title}: {source.Covers}");
            console.Out.WriteLine($"{"",-18}  {source.Url.AbsoluteUri}");
            console.Out.WriteLine($"{"",-18}  from: {source.Origin}");
        }

        console.Out.WriteLine($"{catalog.All.Count} source(s); add one with `sources add NAME`");
        return 0;
    }

    private static async Task<int> AddAsync(CliConsole console, string text, CancellationToken ct)
    {
        var services = Services(console);
        var catalog = Catalog(services);
        if (catalog.Find(text) is not { } source)
        {
            console.Error.WriteLine($"sources: no source is called {text}; known: {string.Join(", ", catalog.All.Select(s => s.Name))}");
            return 2;
        }

        await using var db = await console.OpenDatabaseAsync(ct);
        var registry = new FeedRegistry(db, services.GetRequiredService<UrlGuard>(), console.Time, new AuditLog(db, console.Time));
        var result = await registry.AddAsync(source.Url.AbsoluteUri, source.Title, AuditActor.Cli, ct);
        if (result is FeedAddResult.Added)
        {
            await db.SaveChangesAsync(ct);
            console.Out.WriteLine($"{source.Title}: {result.Message}");
            return 0;
        }

        console.Error.WriteLine($"sources: {result.Message}");
        return result is FeedAddResult.Duplicate ? 0 : 2;
    }

    // The service's own settings: Sources:FederalRegister:BaseUrl and the guard's Feeds:AllowedPrivateHosts.
    private static ServiceProvider Services(CliConsole console) => new ServiceCollection().AddFeeds(console.Configuration).BuildServiceProvider();

    private static SourceCatalog Catalog(ServiceProvider services) => new(services.GetRequiredService<IOptions<FederalRegisterOptions>>());
}
