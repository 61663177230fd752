using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace TradeAlertBot.Slack.SocketMode;

/// <summary>
/// One open Socket Mode WebSocket: reads whole messages, hands envelopes to the handler on the thread pool so a
/// slow one does not hold up the others' acks, and sends acks one at a time (a WebSocket allows one send in flight).
/// </summary>
internal sealed partial class SocketModeConnection(
    WebSocket socket, ISlackEnvelopeHandler handler, SocketModeSettings settings, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<Task> _inFlight = [];

    /// <summary>True once Slack's hello arrived: the connection really works.</summary>
    public bool SawHello { get; private set; }

    public async Task<ConnectionEnd> RunAsync(CancellationToken ct)
    {
        try
        {
            return await ReceiveLoopAsync(ct);
        }
        finally
        {
            // Handlers never throw (see HandleAsync); waiting keeps no work running past the socket's lifetime.
            await Task.WhenAll(_inFlight);
        }
    }

    private async Task<ConnectionEnd> ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var message = new ArrayBufferWriter<byte>();
        while (true)
        {
            message.ResetWrittenCount();
            long total = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    LogServerClosed(socket.CloseStatus, socket.CloseStatusDescription);
                    await CloseQuietlyAsync();
                    return ConnectionEnd.Closed;
                }

                total += received.Count;
                if (total <= settings.MaxMessageBytes)
                {
                    message.Write(buffer.AsSpan(0, received.Count));
                }
            }
            while (!received.EndOfMessage);

            if (total > settings.MaxMessageBytes)
            {
                LogOversized(total, settings.MaxMessageBytes);
                continue;
            }

            if (received.MessageType != WebSocketMessageType.Text)
            {
                LogBinaryIgnored(total);
                continue;
            }

            SocketModeFrame frame;
            try
            {
                frame = SocketModeFrame.Parse(message.WrittenSpan);
            }
            catch (JsonException ex)
            {
                LogUnreadable(total, ex.Message);
                continue;
            }

            if (frame.IsEnvelope)
            {
                _inFlight.RemoveAll(t => t.IsCompleted);
                _inFlight.Add(Task.Run(() => HandleAsync(frame, ct), CancellationToken.None));
            }
            else if (frame.Type == SocketModeFrame.Hello)
            {
                SawHello = true;
                LogHello();
            }
            else if (frame.Type == SocketModeFrame.Disconnect)
            {
                LogDisconnectRequested(frame.Reason ?? "(none)");
                await CloseQuietlyAsync();
                return frame.Reason == "link_disabled" ? ConnectionEnd.LinkDisabled : ConnectionEnd.Refresh;
            }
            else
            {
                LogUnknownType(frame.Type);
            }
        }
    }

    private async Task HandleAsync(SocketModeFrame envelope, CancellationToken ct)
    {
        var id = envelope.EnvelopeId!;
        JsonObject? reply = null;
        try
        {
            reply = await handler.HandleAsync(envelope.Type, envelope.Payload, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // shutting down; Slack redelivers unacked events to the next connection
        }
        catch (Exception ex)
        {
            // The payload is user content (and may hold a response_url); the id is enough to correlate.
            LogHandlerFailed(ex, envelope.Type, id);
        }

        var ack = new SocketModeAck(id, envelope.AcceptsResponsePayload ? reply : null);
        try
        {
            await _sendLock.WaitAsync(ct);
            try
            {
                await socket.SendAsync(ack.ToUtf8Json(), WebSocketMessageType.Text, endOfMessage: true, ct);
            }
            finally
            {
                _sendLock.Release();
            }

            LogAcked(envelope.Type, id, ack.Payload is not null);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            LogAckFailed(envelope.Type, id, ex.Message);
        }
    }

    private async Task CloseQuietlyAsync()
    {
        using var timeout = new CancellationTokenSource(CloseTimeout, time);
        try
        {
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            LogCloseFailed(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode connected (hello received)")]
    private partial void LogHello();

    [LoggerMessage(Level = LogLevel.Information, Message = "Socket Mode disconnect requested by Slack: {Reason}")]
    private partial void LogDisconnectRequested(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode server closed the socket: {Status} {Description}")]
    private partial void LogServerClosed(WebSocketCloseStatus? status, string? description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode message dropped: {Bytes} bytes exceeds the {Max}-byte cap")]
    private partial void LogOversized(long bytes, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode binary message ignored ({Bytes} bytes)")]
    private partial void LogBinaryIgnored(long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode message unreadable ({Bytes} bytes): {Error}")]
    private partial void LogUnreadable(long bytes, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode message of unknown type {Type} ignored")]
    private partial void LogUnknownType(string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Socket Mode handler failed for {EnvelopeType} envelope {EnvelopeId}; acking without payload")]
    private partial void LogHandlerFailed(Exception ex, string envelopeType, string envelopeId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode acked {EnvelopeType} envelope {EnvelopeId} (payload: {WithPayload})")]
    private partial void LogAcked(string envelopeType, string envelopeId, bool withPayload);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode ack for {EnvelopeType} envelope {EnvelopeId} not sent: {Error}")]
    private partial void LogAckFailed(string envelopeType, string envelopeId, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Socket Mode close not sent: {Error}")]
    private partial void LogCloseFailed(string error);
}
