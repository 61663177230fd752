namespace TradeAlertBot.Slack.SocketMode;

/// <summary>How a connection ended without an exception.</summary>
internal enum ConnectionEnd
{
    /// <summary>Slack sent <c>disconnect</c> (refresh_requested, warning): reconnect now with a fresh URL.</summary>
    Refresh,

    /// <summary>Slack sent <c>disconnect</c> with link_disabled: Socket Mode was switched off for the app.</summary>
    LinkDisabled,

    /// <summary>The server closed the socket without saying why first.</summary>
    Closed,
}
