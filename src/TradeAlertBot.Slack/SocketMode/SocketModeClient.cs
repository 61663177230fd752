using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using TradeAlertBot.Slack.Api;

namespace TradeAlertBot.Slack.SocketMode;

/// <summary>
/// Receives slash commands, interactions and events over Slack Socket Mode (https://api.slack.com/apis/socket-mode)
/// instead of public HTTP endpoints. <see cref="RunAsync"/> runs until cancelled: it asks apps.connections.open for
/// a fresh WebSocket URL, passes each envelope to the <see cref="ISlackEnvelopeHandler"/> and acks it, reconnects
/// at once when Slack asks (disconnect), and after errors with capped exponential backoff (a Polly retry).
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
        var reconnects = Reconnects();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var outcome = await reconnects.ExecuteAsync(ConnectOnceAsync, ct);
                if (outcome.End == ConnectionEnd.Refresh)
                {
                    continue;
                }

                // An established connection ended: wait the first step, so a server that says hello and drops at
                // once still cannot make the loop spin; the next failure waits longer again.
                if (outcome.Error is { } error)
                {
                    LogConnectionLost(error, _settings.InitialBackoff);
                }
                else
                {
                    LogReconnecting(outcome.End, _settings.InitialBackoff);
                }

                await Task.Delay(_settings.InitialBackoff, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
        }

        LogStopped();
    }

    /// <summary>
    /// Attempts that fail before Slack's hello are retried without end, waiting exponentially longer (with jitter, so
    /// many clients dropped together do not return together) up to <see cref="SocketModeSettings.MaxBackoff"/>, or as
    /// long as Slack asked (Retry-After on apps.connections.open).
    /// </summary>
    private ResiliencePipeline<ConnectionOutcome> Reconnects() =>
        new ResiliencePipelineBuilder<ConnectionOutcome> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<ConnectionOutcome>
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _settings.InitialBackoff,
                MaxDelay = _settings.MaxBackoff,

                // Anything but our own cancellation: this loop is the only way commands reach the bot, so it keeps trying.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: OperationCanceledException } when args.Context.CancellationToken.IsCancellationRequested => false,
                    { Exception: not null } => true,
                    { Result: { } outcome } => outcome.Failed,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is SlackApiException { RetryAfter: { } asked } ? asked : (TimeSpan?)null),
                OnRetry = args =>
                {
                    switch (args.Outcome.Exception)
                    {
                        // AuthRevoked here means the xapp- token is wrong or lacks connections:write: worth an error, not a crash.
                        case SlackApiException ex:
                            LogOpenFailed(ex.Kind == SlackErrorKind.AuthRevoked ? LogLevel.Error : LogLevel.Warning, ex.Error, args.RetryDelay);
                            break;
                        case { } ex:
                            LogConnectionLost(ex, args.RetryDelay);
                            break;
                        default:
                            LogReconnecting(args.Outcome.Result!.End, args.RetryDelay);
                            break;
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    private async ValueTask<ConnectionOutcome> ConnectOnceAsync(CancellationToken ct)
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
            return new ConnectionOutcome(await connection.RunAsync(ct), connection.SawHello);
        }
        catch (Exception ex) when (connection.SawHello && !ct.IsCancellationRequested)
        {
            // A dropped socket after a hello is an established connection ending, not a failed attempt.
            return new ConnectionOutcome(ConnectionEnd.Closed, SawHello: true, ex);
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
