using Microsoft.Extensions.Options;

namespace TradeAlertBot.Jobs;

/// <summary>Refuses job settings that cannot work, with <see cref="JobsOptions.Problem"/>'s message.</summary>
internal sealed class JobsOptionsValidator(IConfiguration configuration) : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options) =>
        options.Problem(JobsOptions.ConnectionString(configuration)) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
