using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using TradeAlertBot.Core.Watching;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// A watch list as CSV (RFC 4180, by CsvHelper): a header row <c>hs,product,country,label</c> (any order, any case),
/// then one entry per row, checked like <c>watch add</c> (<see cref="WatchEntryInput"/>). Parsing gives the good
/// entries and one error per bad row (with its line), so a caller can refuse or report; formatting writes codes in
/// their dotted form and escapes cells a spreadsheet would run as formulas (a leading apostrophe, dropped again on
/// import).
/// </summary>
public static class WatchListCsv
{
    public static readonly IReadOnlyList<string> Columns = ["hs", "product", "country", "label"];

    public static WatchListCsvResult Parse(string text)
    {
        var entries = new List<WatchEntry>();
        var errors = new List<WatchListCsvError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            BadDataFound = args => errors.Add(new WatchListCsvError(args.Context.Parser?.RawRow ?? 0, "a stray quote: quote the whole cell and double quotes inside it")),
        };
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            return new WatchListCsvResult([], [new WatchListCsvError(1, $"empty: the first row must be the header {string.Join(',', Columns)}")]);
        }

        var index = Columns.ToDictionary(c => c, c => Array.FindIndex(header, h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase)));
        var unknown = header.Where(h => !Columns.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0 || index.Values.All(i => i < 0))
        {
            return new WatchListCsvResult([], [new WatchListCsvError(1,
                $"the first row must be the header {string.Join(',', Columns)} (unknown: {string.Join(", ", unknown.Select(u => $"\"{Clip(u)}\""))})")]);
        }

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            string? Cell(string column) => index[column] is >= 0 and var i && i < csv.Parser.Count ? Unescape(csv.GetField(i)) : null;
            if (csv.Parser.Count > header.Length)
            {
                errors.Add(new WatchListCsvError(line, $"{csv.Parser.Count} cells, the header has {header.Length}"));
                continue;
            }

            var input = WatchEntryInput.Parse(Cell("hs"), Cell("product"), Cell("country"), Cell("label"));
            if (input.Entry is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                errors.Add(new WatchListCsvError(line, input.Error!));
            }
        }

        return new WatchListCsvResult(entries, [.. errors.DistinctBy(e => e.Line).OrderBy(e => e.Line)]);
    }

    /// <summary>The entries as CSV with the header row, lines ending CRLF.</summary>
    public static string Format(IEnumerable<WatchEntry> entries)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, config))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var entry in entries)
            {
                csv.WriteField(entry.HsCode is null ? "" : Core.Extraction.HsCode.Format(entry.HsCode));
                csv.WriteField(entry.Product ?? "");
                csv.WriteField(entry.Country ?? "");
                csv.WriteField(entry.Label ?? "");
                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    // The writer's formula escape: "'=SUM(…)" was "=SUM(…)".
    private static string? Unescape(string? cell) =>
        cell is { Length: > 1 } && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;

    private static string Clip(string text) => text.Length > 30 ? text[..30] + "…" : text;
}
