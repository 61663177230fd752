using System.CommandLine;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;

namespace TradeAlertBot.Cli;

/// <summary>
/// <c>watch export|import --destination D</c>: a destination's watch list as CSV (<see cref="WatchListCsv"/>). An
/// import with a bad row changes nothing and names every bad line; entries already on the list are skipped.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliConsole console)
    {
        var of = new Option<string>("--destination") { Description = DestinationArgument.Help, Required = true };
        var export = new Command("export", "Print the destination's watch list as CSV (hs,product,country,label).") { of };
        export.SetAction((result, ct) => ExportAsync(result.GetRequiredValue(of), console, ct));

        var into = new Option<string>("--destination") { Description = DestinationArgument.Help, Required = true };
        var file = new Argument<string>("FILE") { Description = "A CSV file with the header hs,product,country,label, or - for standard input." };
        var import = new Command("import", "Add every entry of a CSV file to the destination's watch list (known ones are skipped).") { into, file };
        import.SetAction((result, ct) => ImportAsync(result.GetRequiredValue(into), result.GetRequiredValue(file), console, ct));

        return new Command("watch", "A destination's watch list (HS codes, products, countries) as CSV.") { export, import };
    }

    private static async Task<int> ExportAsync(string destinationText, CliConsole console, CancellationToken ct)
    {
        await using var db = await console.OpenDatabaseAsync(ct);
        var (destination, error) = await DestinationArgument.ResolveAsync(db, destinationText, ct);
        if (destination is null)
        {
            return Usage(console, error);
        }

        var entries = await WatchListEntries.ForAsync(db, destination.Id, ct);
        console.Out.Write(WatchListCsv.Format(entries.Select(e => e.ToEntry())));
        return 0;
    }

    private static async Task<int> ImportAsync(string destinationText, string path, CliConsole console, CancellationToken ct)
    {
        string text;
        try
        {
            using var input = console.OpenInput(path);
            text = await input.ReadToEndAsync(ct);
        }
        catch (IOException e)
        {
            return Usage(console, $"{path}: {e.Message}");
        }

        var parsed = WatchListCsv.Parse(text);
        if (!parsed.IsValid)
        {
            foreach (var bad in parsed.Errors)
            {
                console.Error.WriteLine($"watch: {path}: {bad}");
            }

            return Usage(console, $"{parsed.Errors.Count} bad row(s); nothing imported");
        }

        await using var db = await console.OpenDatabaseAsync(ct);
        var (destination, error) = await DestinationArgument.ResolveAsync(db, destinationText, ct);
        if (destination is null)
        {
            return Usage(console, error);
        }

        var existing = await WatchListEntries.ForAsync(db, destination.Id, ct);
        try
        {
            var (added, known) = WatchListEntries.Add(db, new AuditLog(db, console.Time), AuditActor.Cli, destination, existing, parsed.Entries, console.Time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            console.Out.WriteLine($"imported {added} entr{(added == 1 ? "y" : "ies")} into {DestinationArgument.Describe(destination)}"
                + (known > 0 ? $"; {known} already on the list" : ""));
            return 0;
        }
        catch (Core.Commands.UsageException e)
        {
            return Usage(console, e.Message);
        }
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"watch: {message}");
        return 2;
    }
}
