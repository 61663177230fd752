namespace TradeAlertBot.Feeds.Tests.Parsing;

/// <summary>Finds ../shared/fixtures/feeds next to the repository (the fixtures are never copied into the project).</summary>
internal static class FixtureDirectory
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !File.Exists(System.IO.Path.Combine(repo.FullName, "TradeAlertBot.sln")))
        {
            repo = repo.Parent;
        }

        if (repo is null)
        {
            throw new InvalidOperationException($"No TradeAlertBot.sln above {AppContext.BaseDirectory}");
        }

        // A clone has shared/ beside it; a git worktree sits one level deeper, so keep walking up.
        for (var dir = repo.Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "fixtures", "feeds");
            if (File.Exists(System.IO.Path.Combine(candidate, "expected.tsv")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No shared/fixtures/feeds/expected.tsv beside or above {repo.FullName}");
    }

    public static byte[] Read(string file) => File.ReadAllBytes(System.IO.Path.Combine(Path, file));
}
