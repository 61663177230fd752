namespace TradeAlertBot.IntegrationTests.Browser;

/// <summary>
/// Where browser specs write their screenshots: <c>TRADEALERTBOT_SCREENSHOTS</c>, else artifacts/screenshots at the
/// repository root (ignored by git; tools/update-screenshots.sh copies them into docs/images/admin).
/// </summary>
internal static class Screenshots
{
    public static string Folder { get; } = Locate();

    public static string PathFor(string name) => Path.Combine(Folder, name + ".png");

    private static string Locate()
    {
        var folder = Environment.GetEnvironmentVariable("TRADEALERTBOT_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TradeAlertBot.sln")))
            {
                dir = dir.Parent;
            }

            folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
