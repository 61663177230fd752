using TradeAlertBot.Teams.Auth;

namespace TradeAlertBot.Teams.Tests.Connector;

/// <summary>Hands out one fixed token and counts requests for it.</summary>
internal sealed class StaticTokenProvider(string token) : ITeamsTokenProvider
{
    public int Requests { get; private set; }

    public Task<string> GetTokenAsync(CancellationToken ct)
    {
        Requests++;
        return Task.FromResult(token);
    }
}
