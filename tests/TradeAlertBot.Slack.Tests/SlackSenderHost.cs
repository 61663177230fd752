using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Moq;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Slack.Tests;

/// <summary>
/// A <see cref="SlackAlertSender"/> over a strict <see cref="Mock{ISlackApi}"/>, with the token store on an in-memory
/// SQLite database holding one installed workspace (<see cref="TeamId"/>, token <see cref="Token"/>).
/// </summary>
internal sealed class SlackSenderHost : IAsyncDisposable
{
    public const string TeamId = "T0ACME";
    public const string Channel = "C0TRADE";
    public const string Token = "xoxb-acme";
    public static readonly string Address = SlackAddress.Of(TeamId, Channel);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _services;

    private SlackSenderHost(SlackOptions options)
    {
        _connection.Open();
        var services = new ServiceCollection();
        services.AddDbContext<TradeAlertDbContext>(db => db.UseSqlite(_connection));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton(Options.Create(options));
        services.AddScoped<SlackTokens>();
        _services = services.BuildServiceProvider();
        Sender = new SlackAlertSender(_services.GetRequiredService<IServiceScopeFactory>(), Slack.Object, Logger);
    }

    public Mock<ISlackApi> Slack { get; } = new(MockBehavior.Strict);
    public FakeLogger<SlackAlertSender> Logger { get; } = new();
    public SlackAlertSender Sender { get; }

    /// <summary>An OAuth-mode host (no <c>Slack:BotToken</c>) with <see cref="TeamId"/> installed.</summary>
    public static async Task<SlackSenderHost> StartAsync(SlackOptions? options = null)
    {
        var host = new SlackSenderHost(options ?? new SlackOptions());
        await host.WithDbAsync(async db =>
        {
            await db.Database.EnsureCreatedAsync();
            await host.WithTokensAsync(tokens => tokens.SaveInstallAsync(TeamId, "Acme", Token, "U0BOT", DateTimeOffset.UnixEpoch, CancellationToken.None));
        });
        return host;
    }

    public async Task<T> WithDbAsync<T>(Func<TradeAlertDbContext, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>());
    }

    public Task WithDbAsync(Func<TradeAlertDbContext, Task> action) => WithDbAsync(async db =>
    {
        await action(db);
        return true;
    });

    public Task<SlackWorkspace> WorkspaceAsync() => WithDbAsync(db => db.SlackWorkspaces.AsNoTracking().SingleAsync(w => w.TeamId == TeamId));

    private async Task WithTokensAsync(Func<SlackTokens, Task> action)
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<SlackTokens>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
