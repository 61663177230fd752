namespace TradeAlertBot.Core.Commands;

/// <summary>
/// Splits a command line ("subscribe new-tariffs country:VN") into a <see cref="CommandSpec"/> and its arguments.
/// Unknown words get the closest command by edit distance, so "subscibe" answers "did you mean subscribe".
/// </summary>
public static class CommandParser
{
    public static ParsedCommand Parse(string? text)
    {
        var line = (text ?? "").Trim();
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new Command(Find("help")!, [], "");
        }

        // Longest name first: "rule add" before "rules".
        foreach (var spec in CommandCatalog.All.OrderByDescending(s => s.Words))
        {
            if (words.Length >= spec.Words
                && string.Equals(string.Join(' ', words.Take(spec.Words)), spec.Name, StringComparison.OrdinalIgnoreCase))
            {
                // "feeds add URL" is "feed add" mistyped, not "feeds" with stray words.
                if (words.Length > spec.Words && spec.Usage == spec.Name && Closest(words, minWords: 2) is { } meant)
                {
                    return new ParsedCommand.Unknown(string.Join(' ', words.Take(2)), meant);
                }

                return new Command(spec, words[spec.Words..], RestAfter(line, spec.Words));
            }
        }

        return new ParsedCommand.Unknown(words[0], Closest(words));
    }

    public static CommandSpec? Find(string name) =>
        CommandCatalog.All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string RestAfter(string line, int words)
    {
        var rest = line.AsSpan();
        for (var i = 0; i < words; i++)
        {
            rest = rest.TrimStart();
            var space = rest.IndexOfAny(' ', '\t', '\n');
            rest = space < 0 ? [] : rest[space..];
        }

        return rest.Trim().ToString();
    }

    // Compares one- and two-word names against as many typed words; close means at most a third of the letters wrong.
    // Two-word names go first, so on a tie "rule ad" means "rule add" rather than "rules".
    private static CommandSpec? Closest(string[] words, int minWords = 1)
    {
        CommandSpec? best = null;
        var bestDistance = int.MaxValue;
        foreach (var spec in CommandCatalog.All.Where(s => s.Words >= minWords && s.Words <= words.Length).OrderByDescending(s => s.Words))
        {
            var typed = string.Join(' ', words.Take(spec.Words)).ToLowerInvariant();
            var distance = EditDistance(typed, spec.Name);
            if (distance < bestDistance && distance <= Math.Max(1, spec.Name.Length / 3))
            {
                (best, bestDistance) = (spec, distance);
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitute, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
