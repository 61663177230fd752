using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Commands;

/// <summary>
/// Who may run admin commands: the user ids in settings (<c>Slack:Admins</c>, <c>Teams:Admins</c>; a list or one
/// comma-separated string) and those added with <c>admin add</c>.
/// </summary>
public sealed class AdminDirectory(IConfiguration configuration)
{
    public async Task<bool> IsAdminAsync(TradeAlertDbContext db, string platform, string userId, CancellationToken ct) =>
        FromSettings(platform).Contains(userId)
        || await db.Admins.AnyAsync(a => a.Platform == platform && a.UserId == userId, ct);

    public IReadOnlySet<string> FromSettings(string platform)
    {
        var section = configuration.GetSection(platform switch { "slack" => "Slack:Admins", _ => "Teams:Admins" });
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
    }
}
