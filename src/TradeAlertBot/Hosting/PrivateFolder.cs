namespace TradeAlertBot.Hosting;

/// <summary>Folders holding secrets (keys, the database): owner-only (0700) on Linux, created so from the start.</summary>
public static class PrivateFolder
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static DirectoryInfo Create(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Directory.CreateDirectory(path);
        }

        var existed = Directory.Exists(path);
        var folder = Directory.CreateDirectory(path, OwnerOnly);
        if (existed && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            // A folder created world-readable by an older version: tighten it.
            File.SetUnixFileMode(path, OwnerOnly);
        }

        return folder;
    }
}
