namespace TradeAlertBot.Cli;

/// <summary>
/// RFC 4180 CSV cells: quoted when they hold a comma, quote or line break. A cell that a spreadsheet would run as a
/// formula (starting with =, +, -, @, tab or CR; OWASP "CSV injection") gets a leading apostrophe: audit entries carry
/// text typed by chat users and feed titles.
/// </summary>
internal static class CsvText
{
    public static string Row(params string?[] cells) => string.Join(',', cells.Select(Cell));

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
