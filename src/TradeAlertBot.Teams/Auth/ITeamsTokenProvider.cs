namespace TradeAlertBot.Teams.Auth;

/// <summary>Outbound tokens for the Bot Connector (client credentials through MSAL), cached until shortly before expiry.</summary>
public interface ITeamsTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken ct);
}
