using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Cli;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Text;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Pages.Admin;

/// <summary>
/// OPML upload and download for the feeds page, in <see cref="Opml"/>'s format (the CLI's <c>feeds import</c> and
/// <c>export</c>): every outline goes through <see cref="FeedRegistry"/>, so the guard refuses what chat refuses.
/// </summary>
public sealed class FeedsImport(TradeAlertDbContext db, FeedRegistry registry)
{
    /// <summary>The largest OPML file taken: a few thousand feeds.</summary>
    public const int MaxBytes = 512 * 1024;

    /// <summary>The most outlines one file may add: each is checked by the guard, which may look the name up.</summary>
    public const int MaxOutlines = 500;

    public sealed record Line(string Url, string? Title, bool Added, string Outcome);

    public sealed record Report(IReadOnlyList<Line> Lines)
    {
        public int Added => Lines.Count(l => l.Added);
    }

    /// <exception cref="UsageException">No file, too large, not OPML, or too many outlines.</exception>
    public async Task<Report> RunAsync(IFormFile? file, AuditActor actor, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            throw new UsageException("Choose an OPML file to import.");
        }

        if (file.Length > MaxBytes)
        {
            throw new UsageException($"That file is {file.Length / 1024} KB; an OPML import takes at most {MaxBytes / 1024} KB.");
        }

        IReadOnlyList<Opml.Outline> outlines;
        try
        {
            await using var stream = file.OpenReadStream();
            outlines = Opml.Read(stream);
        }
        catch (Exception e) when (e is XmlException or FormatException)
        {
            throw new UsageException($"That file is not OPML: {e.Message}");
        }

        if (outlines.Count > MaxOutlines)
        {
            throw new UsageException($"That file lists {outlines.Count} feeds; one import takes at most {MaxOutlines}.");
        }

        var lines = new List<Line>();
        foreach (var outline in outlines)
        {
            var result = await registry.AddAsync(outline.Url, outline.Title, actor, ct);
            lines.Add(new Line(ShownUrl.Redacted(outline.Url), outline.Title, result is FeedAddResult.Added,
                result is FeedAddResult.Added ? "added" : result.Message.Replace("`", "", StringComparison.Ordinal)));
        }

        await db.SaveChangesAsync(ct);
        return new Report(lines);
    }

    public static async Task<byte[]> ExportAsync(TradeAlertDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Id).Select(f => new Opml.Outline(f.Url, f.Title)).ToListAsync(ct);
        return Encoding.UTF8.GetBytes(Opml.Write(feeds, now));
    }
}
