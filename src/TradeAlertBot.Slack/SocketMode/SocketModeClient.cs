using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.Slack.SocketMode;

/// <summary>
/// Receives slash commands, interactions and events over Slack Socket Mode (https://api.slack.com/apis/socket-mode)
/// instead of public HTTP endpoints. <see cref="RunAsync"/> runs until cancelled: it asks apps.connections.open for
/// a fresh WebSocket URL, passes each envelope to the <see cref="ISlackEnvelopeHandler"/> and acks it, reconnects
/// at once when Slack asks (disconnect), and after errors with capped exponential backoff.
/// </summary>
public sealed partial class SocketModeClient(
    ISlackApi api,
    string appToken,
    ISlackEnvelopeHandler handler,
    TimeProvider time,
    ILogger<SocketModeClient> logger,
    SocketModeSettings? settings = null)
{
    private readonly SocketModeSettings _settings = settings ?? new SocketModeSettings();

    /// <summary>Runs until <paramref name="ct"/> is cancelled, then returns without throwing.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = new Backoff(_settings.InitialBackoff, _settings.MaxBackoff);
        while (!ct.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                var end = await ConnectOnceAsync(backoff, ct);
                delay = end == ConnectionEnd.Refresh ? TimeSpan.Zero : backoff.Next();
                if (delay > TimeSpan.Zero)
                {
                    LogReconnecting(end, delay);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (SlackApiException ex)
            {
                delay = backoff.Next();
                if (ex.RetryAfter is { } retryAfter && retryAfter > delay)
                {
                    delay = retryAfter;
                }

                // AuthRevoked here means the xapp- token is wrong or lacks connections:write: worth an error, not a crash.
                LogOpenFailed(ex.Kind == SlackErrorKind.AuthRevoked ? LogLevel.Error : LogLevel.Warning, ex.Error, delay);
            }
            catch (Exception ex)
            {
                // A dropped or refused socket (WebSocketException, IOException, timeout) — and, deliberately, anything
                // else: this loop is the only way commands reach the bot, so it logs and keeps trying.
                delay = backoff.Next();
                LogConnectionLost(ex, delay);
            }

            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, time, ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        LogStopped();
    }

    private async Task<ConnectionEnd> ConnectOnceAsync(Backoff backoff, CancellationToken ct)
    {
        // The URL carries a one-use ticket in its query string: log the host only.
        var url = await api.OpenSocketModeConnectionAsync(appToken, ct);
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _settings.KeepAlive;
        socket.Options.KeepAliveTimeout = _settings.KeepAlive;
        using (var timeout = new CancellationTokenSource(_settings.ConnectTimeout, time))
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token))
        {
            try
            {
                await socket.ConnectAsync(url, connect.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new TimeoutException($"socket mode: connect to {url.Host} timed out after {_settings.ConnectTimeout}");
            }
        }

        LogConnecting(url.Host);
        var connection = new SocketModeConnection(socket, handler, _settings, time, logger);
        try
        {
            return await connection.RunAsync(ct);
        }
        finally
        {
            // Reset only after a hello, so a server that accepts and immediately drops still backs off.
            if (connection.SawHello)
            {
                backoff.Reset();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode socket open to {Host}, waiting for hello")]
    private partial void LogConnecting(string host);

    [LoggerMessage(Message = "Socket Mode apps.connections.open failed: {Error}; retrying in {Delay}")]
    private partial void LogOpenFailed(LogLevel level, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection lost; retrying in {Delay}")]
    private partial void LogConnectionLost(Exception ex, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode connection ended ({End}); reconnecting in {Delay}")]
    private partial void LogReconnecting(ConnectionEnd end, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode client stopped")]
    private partial void LogStopped();
}
