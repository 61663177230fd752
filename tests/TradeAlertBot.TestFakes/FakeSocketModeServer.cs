using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TradeAlertBot.TestFakes;

/// <summary>
/// Slack's Socket Mode end on 127.0.0.1: accepts WebSockets at /link, says hello, lets a test push envelopes and
/// await the client's ack by envelope_id, ask for a refresh (disconnect) or drop the connection outright.
/// </summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private LoopbackServer _server = null!;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pendingAcks = new();
    private readonly ConcurrentQueue<string> _ackedIds = new();
    private readonly ConcurrentQueue<string> _tickets = new();
    private ServerConnection? _current;
    private int _connections;
    private int _nextEnvelope;

    private FakeSocketModeServer()
    {
    }

    /// <summary>Connections that got their hello.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The ticket query parameter of each connection, in order: shows whether the client used a fresh URL.</summary>
    public IReadOnlyList<string> Tickets => [.. _tickets];

    /// <summary>Every envelope_id the client acked, in order.</summary>
    public IReadOnlyList<string> AckedIds => [.. _ackedIds];

    public Uri BaseUrl => _server.BaseUrl;

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var server = new FakeSocketModeServer();
        server._server = await LoopbackServer.StartAsync(app =>
        {
            app.UseWebSockets();
            app.Map("/link", server.AcceptAsync);
        });
        return server;
    }

    /// <summary>What apps.connections.open would hand out: a /link URL with a one-use ticket.</summary>
    public Uri LinkUrl(string ticket) => new($"ws://{BaseUrl.Authority}/link?ticket={ticket}");

    public async Task WaitForConnectionsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (Connections < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    /// <summary>Sends an envelope and returns the client's ack (the whole ack object).</summary>
    public async Task<JsonElement> SendEnvelopeAsync(string type, string payloadJson, bool acceptsResponsePayload = true, string? envelopeId = null)
    {
        var id = envelopeId ?? $"env-{Interlocked.Increment(ref _nextEnvelope)}";
        var ack = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingAcks[id] = ack;
        await SendAsync(Envelope(id, type, payloadJson, acceptsResponsePayload));
        return await ack.Task.WaitAsync(Patience);
    }

    public static string Envelope(string id, string type, string payloadJson, bool acceptsResponsePayload) =>
        $$"""{"envelope_id":"{{id}}","type":"{{type}}","payload":{{payloadJson}},"accepts_response_payload":{{(acceptsResponsePayload ? "true" : "false")}},"retry_attempt":0,"retry_reason":""}""";

    public Task SendDisconnectAsync(string reason = "refresh_requested") =>
        SendAsync($$$"""{"type":"disconnect","reason":"{{{reason}}}","debug_info":{"host":"fake"}}""");

    /// <summary>Drops the current connection without a close handshake, as a network failure would.</summary>
    public void Abort() => Current.Context.Abort();

    public async Task SendAsync(string text)
    {
        var connection = Current;
        await connection.SendLock.WaitAsync();
        try
        {
            await connection.Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            connection.SendLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    private ServerConnection Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("fake socket mode: no client connected");

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new ServerConnection(context, socket);
        Volatile.Write(ref _current, connection);
        _tickets.Enqueue(context.Request.Query["ticket"].ToString());
        await SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"fake","approximate_connection_time":3600},"connection_info":{"app_id":"A0FAKE"}}""");
        Interlocked.Increment(ref _connections);
        try
        {
            await ReadAcksAsync(socket, context.RequestAborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away (or the test aborted us): that is the point of some tests.
        }
    }

    private async Task ReadAcksAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, ct);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                return;
            }

            var ack = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
            var id = ack.GetProperty("envelope_id").GetString()!;
            _ackedIds.Enqueue(id);
            if (_pendingAcks.TryRemove(id, out var pending))
            {
                pending.TrySetResult(ack);
            }
        }
    }

    private sealed record ServerConnection(HttpContext Context, WebSocket Socket)
    {
        public SemaphoreSlim SendLock { get; } = new(1, 1);
    }
}
