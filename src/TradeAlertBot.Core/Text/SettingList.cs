namespace TradeAlertBot.Core.Text;

/// <summary>
/// A list setting given as one comma-separated string (typically an environment variable, <c>Slack__Admins=U1,U2</c>):
/// the configuration binder sees a scalar there and binds an empty list, which for an allow-list would mean "any".
/// </summary>
public static class SettingList
{
    /// <summary>The items of <paramref name="single"/> when the setting was one string, else the list as bound.</summary>
    public static List<string> Or(string? single, List<string> bound) =>
        single is null ? bound : [.. single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
