namespace TradeAlertBot.Tests;

/// <summary>A fact about Unix file modes: skipped where there are none.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Unix file modes are only set on Linux";
        }
    }
}
