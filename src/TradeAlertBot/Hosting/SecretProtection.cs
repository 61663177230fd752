using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace TradeAlertBot.Hosting;

/// <summary>
/// The one Data Protection key ring (kept in <c>DataProtection:KeysPath</c>, next to the database) that encrypts
/// stored secrets — Slack bot tokens, Workflows webhook URLs — and the admin cookies. The CLI opens the same ring, so
/// a webhook it adds is readable by the service.
/// </summary>
public static class SecretProtection
{
    public const string ApplicationName = "TradeAlertBot";

    public static IServiceCollection AddSecretProtection(this IServiceCollection services)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        // What PersistKeysToFileSystem does, with the folder taken from the bound options rather than read early.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyRingOptions>, ILoggerFactory>((options, ring, loggers) =>
            options.XmlRepository = new FileSystemXmlRepository(KeysDirectory(ring.Value), loggers));
        return services;
    }

    /// <summary>A provider over the same keys, for the CLI (which has no service container).</summary>
    public static IDataProtectionProvider Create(IConfiguration configuration) =>
        DataProtectionProvider.Create(KeysDirectory(KeyRingOptions.From(configuration)), builder => builder.SetApplicationName(ApplicationName));

    // Readable by this user only (0700 on Linux); a wider folder left by an older version is tightened.
    private static DirectoryInfo KeysDirectory(KeyRingOptions ring) => PrivateFolder.Create(ring.KeysPath);
}
