namespace TradeAlertBot.Cli;

/// <summary>The streams and clock a CLI verb uses, so tests can run verbs in-process.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error, TimeProvider Time)
{
    public static CliConsole System { get; } = new(Console.In, Console.Out, Console.Error, TimeProvider.System);

    /// <summary>Opens FILE, or standard input for "-".</summary>
    public TextReader OpenInput(string path) => path == "-" ? In : new StreamReader(path);
}
