using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Feeds;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Cli;

/// <summary><c>feeds add|list|import|export</c>: the feed list in the service's database.</summary>
internal static class FeedsCommand
{
    public static Command Create(CliConsole console)
    {
        var url = new Argument<string>("URL") { Description = "The feed's http(s) address." };
        var add = new Command("add", "Add a feed; it is polled at the next dispatch.") { url };
        add.SetAction((result, ct) => WithDatabase(console, db => AddAsync(db, result.GetRequiredValue(url), console, ct), ct));

        var list = new Command("list", "List feeds with their health.");
        list.SetAction((result, ct) => WithDatabase(console, db => ListAsync(db, console, ct), ct));

        var file = new Argument<string>("FILE") { Description = "An OPML file, or - for standard input." };
        var import = new Command("import", "Add every feed of an OPML file (known ones are skipped).") { file };
        import.SetAction((result, ct) => WithDatabase(console, db => ImportAsync(db, result.GetRequiredValue(file), console, ct), ct));

        var export = new Command("export", "Print the feed list as OPML.");
        export.SetAction((result, ct) => WithDatabase(console, db => ExportAsync(db, console, ct), ct));

        return new Command("feeds", "Manage the polled feeds.") { add, list, import, export };
    }

    private static async Task<int> WithDatabase(CliConsole console, Func<TradeAlertDbContext, Task<int>> action, CancellationToken ct)
    {
        await using var db = await console.OpenDatabaseAsync(ct);
        return await action(db);
    }

    private static async Task<int> AddAsync(TradeAlertDbContext db, string url, CliConsole console, CancellationToken ct)
    {
        var result = await Registry(db, console).AddAsync(url, null, AuditActor.Cli, ct);
        if (result is FeedAddResult.Added)
        {
            await db.SaveChangesAsync(ct);
            console.Out.WriteLine(result.Message);
            return 0;
        }

        console.Error.WriteLine($"feeds: {result.Message}");
        return result is FeedAddResult.Duplicate ? 0 : 2;
    }

    // The service's own guard and settings (Feeds:AllowedPrivateHosts), so the CLI refuses what chat refuses.
    private static FeedRegistry Registry(TradeAlertDbContext db, CliConsole console)
    {
        var guard = new ServiceCollection().AddFeeds(console.Configuration).BuildServiceProvider().GetRequiredService<UrlGuard>();
        return new FeedRegistry(db, guard, console.Time, new AuditLog(db, console.Time));
    }

    private static async Task<int> ListAsync(TradeAlertDbContext db, CliConsole console, CancellationToken ct)
    {
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);
        foreach (var f in feeds)
        {
            var state = !f.Enabled ? $"disabled ({f.DisabledReason})"
                : f.ConsecutiveErrors > 0 ? $"failing x{f.ConsecutiveErrors}: {f.LastError}"
                : f.LastStatus ?? "not polled yet";
            console.Out.WriteLine($"{f.Id,4}  {ShownUrl.Redacted(f.Url)}  {f.Title}  [{state}]  next {f.NextPollAt:yyyy-MM-dd HH:mm}Z");
        }

        console.Out.WriteLine($"{feeds.Count} feed(s)");
        return 0;
    }

    private static async Task<int> ImportAsync(TradeAlertDbContext db, string path, CliConsole console, CancellationToken ct)
    {
        IReadOnlyList<Opml.Outline> outlines;
        try
        {
            await using Stream stream = path == "-"
                ? new MemoryStream(System.Text.Encoding.UTF8.GetBytes(await console.In.ReadToEndAsync(ct)))
                : File.OpenRead(path);
            outlines = Opml.Read(stream);
        }
        catch (Exception e) when (e is System.Xml.XmlException or FormatException or IOException)
        {
            console.Error.WriteLine($"feeds: {path}: {e.Message}");
            return 2;
        }

        var registry = Registry(db, console);
        var added = 0;
        foreach (var outline in outlines)
        {
            var result = await registry.AddAsync(outline.Url, outline.Title, AuditActor.Cli, ct);
            if (result is FeedAddResult.Added)
            {
                added++;
            }
            else
            {
                console.Error.WriteLine($"feeds: skipped {ShownUrl.Redacted(outline.Url)}: {result.Message}");
            }
        }

        await db.SaveChangesAsync(ct);
        console.Out.WriteLine($"imported {added} of {outlines.Count} feed(s)");
        return 0;
    }

    private static async Task<int> ExportAsync(TradeAlertDbContext db, CliConsole console, CancellationToken ct)
    {
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Id).Select(f => new Opml.Outline(f.Url, f.Title)).ToListAsync(ct);
        console.Out.WriteLine(Opml.Write(feeds, console.Time.GetUtcNow()));
        return 0;
    }
}
