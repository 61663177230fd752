namespace TradeAlertBot.Teams.Auth;

public enum TeamsTokenError
{
    /// <summary>Neither AppPassword nor CertificatePath is usable.</summary>
    NotConfigured,

    /// <summary>The authority refused the app's credentials (invalid_client, unauthorized_client, bad scope…).</summary>
    CredentialsRejected,

    /// <summary>The authority could not be reached or answered with something other than a token.</summary>
    Unavailable,
}

/// <summary>An outbound Bot Connector token could not be obtained; the message never contains a secret or token.</summary>
public sealed class TeamsTokenException(TeamsTokenError kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public TeamsTokenError Kind { get; } = kind;
}
