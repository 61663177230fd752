using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Storage;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Teams.Tests;

/// <summary>
/// What the Teams senders read, on an in-memory SQLite database: <see cref="Conversation"/> installed at
/// <see cref="ServiceUrl"/>, and a Data Protection provider for webhook secrets.
/// </summary>
internal sealed class TeamsSenderHost : IAsyncDisposable
{
    public const string Conversation = "19:trade@thread.tacv2";
    public const string ServiceUrl = "https://smba.trafficmanager.net/teams/";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly ServiceProvider _services;

    private TeamsSenderHost()
    {
        _connection.Open();
        var services = new ServiceCollection();
        services.AddDbContext<TradeAlertDbContext>(db => db.UseSqlite(_connection));
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        _services = services.BuildServiceProvider();
    }

    public IServiceScopeFactory Scopes => _services.GetRequiredService<IServiceScopeFactory>();
    public WebhookSecrets Secrets => new(_services.GetRequiredService<IDataProtectionProvider>());

    public static async Task<TeamsSenderHost> StartAsync()
    {
        var host = new TeamsSenderHost();
        await host.WithDbAsync(async db =>
        {
            await db.Database.EnsureCreatedAsync();
            db.TeamsConversations.Add(new TeamsConversation { ConversationId = Conversation, ServiceUrl = ServiceUrl, InstalledAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync();
        });
        return host;
    }

    public async Task WithDbAsync(Func<TradeAlertDbContext, Task> action)
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TradeAlertDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
