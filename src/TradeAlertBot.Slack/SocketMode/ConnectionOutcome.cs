namespace TradeAlertBot.Slack.SocketMode;

/// <summary>
/// How one connection went: how it ended, whether Slack's hello came first (after which the wait before the next
/// attempt starts again from the shortest), and the error that broke an established connection, if one did.
/// </summary>
internal sealed record ConnectionOutcome(ConnectionEnd End, bool SawHello, Exception? Error = null)
{
    /// <summary>
    /// An attempt that never got its hello counts as a failure and waits longer each time; a refresh reconnects at
    /// once, and an established connection that ended hands back to <see cref="SocketModeClient"/>, which waits the
    /// first step and starts counting afresh.
    /// </summary>
    public bool Failed => !SawHello && End != ConnectionEnd.Refresh;
}
