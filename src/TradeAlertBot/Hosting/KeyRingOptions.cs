using System.ComponentModel.DataAnnotations;

namespace TradeAlertBot.Hosting;

/// <summary>The <c>DataProtection</c> settings: where the key ring that encrypts stored secrets and admin cookies lives.</summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>Kept with the database, where the CLI finds it too; created readable by this user only.</summary>
    [Required(ErrorMessage = "DataProtection:KeysPath must name a folder")]
    public string KeysPath { get; set; } = "./data/keys";

    /// <summary>The section bound for the CLI, which has no service container; same type, same default.</summary>
    public static KeyRingOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }
}
