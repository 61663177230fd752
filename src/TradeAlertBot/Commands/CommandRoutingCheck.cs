namespace TradeAlertBot.Commands;

/// <summary>
/// Builds a <see cref="CommandRouter"/> once at start-up, so a command without a handler (or with two) stops the
/// service at once rather than on the first chat message.
/// </summary>
public sealed class CommandRoutingCheck(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        _ = scope.ServiceProvider.GetRequiredService<CommandRouter>();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
