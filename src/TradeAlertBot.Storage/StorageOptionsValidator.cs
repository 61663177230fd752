using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TradeAlertBot.Storage;

/// <summary>Refuses storage settings that cannot work, with <see cref="StorageOptions.Problem"/>'s message.</summary>
internal sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.Problem(configuration.GetConnectionString("Default")) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
