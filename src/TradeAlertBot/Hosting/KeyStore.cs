using Microsoft.AspNetCore.DataProtection;

namespace TradeAlertBot.Hosting;

/// <summary>
/// Data Protection keys (they encrypt stored workspace tokens and the admin cookies) in <c>DataProtection:KeysPath</c>,
/// a folder only this user may read. For production, also encrypt the keys at rest: see docs/security.md.
/// </summary>
public static class KeyStore
{
    public static IServiceCollection AddKeyStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataProtection()
            .SetApplicationName("TradeAlertBot")
            .PersistKeysToFileSystem(PrivateFolder.Create(configuration["DataProtection:KeysPath"] ?? "./data/keys"));
        return services;
    }
}
