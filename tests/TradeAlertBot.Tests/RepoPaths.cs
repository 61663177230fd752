namespace TradeAlertBot.Tests;

/// <summary>Locates the repository (the folder holding TradeAlertBot.sln) from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleRules => Path.Combine(Root, "samples", "rules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradeAlertBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TradeAlertBot.sln not found above " + AppContext.BaseDirectory);
    }
}
