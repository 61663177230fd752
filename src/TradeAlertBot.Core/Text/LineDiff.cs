namespace TradeAlertBot.Core.Text;

/// <summary>
/// A line diff between two texts (rule versions): the lines of a longest common subsequence are kept, the others
/// removed or added. The common head and tail are taken off first, so a small edit to a long text costs little;
/// the quadratic table is built only for what lies between, and only up to <see cref="MaxCells"/> cells.
/// </summary>
public static class LineDiff
{
    /// <summary>Past this many old × new changed lines the middle is shown as all removed, then all added.</summary>
    public const int MaxCells = 1_000_000;

    /// <summary>The lines of <paramref name="after"/> against <paramref name="before"/>, in order; line endings of any kind.</summary>
    public static IReadOnlyList<DiffLine> Compute(string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)])
        {
            tail++;
        }

        var diff = new List<DiffLine>(a.Length + b.Length);
        diff.AddRange(a[..head].Select(line => new DiffLine(DiffKind.Same, line)));
        Middle(a[head..^tail], b[head..^tail], diff);
        diff.AddRange(a[^tail..].Select(line => new DiffLine(DiffKind.Same, line)));
        return diff;
    }

    /// <summary>True when the two texts have the same lines.</summary>
    public static bool AllSame(IReadOnlyList<DiffLine> diff) => diff.All(line => line.Kind == DiffKind.Same);

    private static void Middle(string[] a, string[] b, List<DiffLine> diff)
    {
        if ((long)a.Length * b.Length > MaxCells)
        {
            diff.AddRange(a.Select(line => new DiffLine(DiffKind.Removed, line)));
            diff.AddRange(b.Select(line => new DiffLine(DiffKind.Added, line)));
            return;
        }

        // common[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var (x, y) = (0, 0);
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                diff.Add(new DiffLine(DiffKind.Same, a[x++]));
                y++;
            }
            else if (common[x + 1, y] >= common[x, y + 1])
            {
                diff.Add(new DiffLine(DiffKind.Removed, a[x++]));
            }
            else
            {
                diff.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }

        diff.AddRange(a[x..].Select(line => new DiffLine(DiffKind.Removed, line)));
        diff.AddRange(b[y..].Select(line => new DiffLine(DiffKind.Added, line)));
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.ReplaceLineEndings("\n").Split('\n');
}
