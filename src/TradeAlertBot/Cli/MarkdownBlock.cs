namespace TradeAlertBot.Cli;

/// <summary>
/// Regenerates one marked block of a Markdown file (<c>&lt;!-- NAME --&gt;</c> … <c>&lt;!-- /eval --&gt;</c>) and
/// leaves the hand-written text around it alone.
/// </summary>
internal static class MarkdownBlock
{
    private const string End = "<!-- /eval -->";

    public static bool Replace(string path, string name, string content, CliConsole console)
    {
        var text = File.ReadAllText(path);
        var start = $"<!-- {name} -->";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = from < 0 ? -1 : text.IndexOf(End, from, StringComparison.Ordinal);
        if (to < 0)
        {
            console.Error.WriteLine($"eval: {path} has no block \"{start}\" … \"{End}\"");
            return false;
        }

        File.WriteAllText(path, text[..(from + start.Length)] + "\n" + content + text[to..]);
        console.Out.WriteLine($"eval: wrote {name} into {path}");
        return true;
    }
}
