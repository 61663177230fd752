using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using TradeAlertBot.Slack.Api;
using TradeAlertBot.Slack.SocketMode;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.Slack.Tests.SocketMode;

public class SocketModeClientTests
{
    private const string AppToken = "xapp-1-A0FAKE-1234567890-0123456789abcdef";
    private const string SlashCommand = """{"command":"/trade","text":"latest tariffs","user_id":"U0ALICE","channel_id":"C0TRADE","team_id":"T0ACME"}""";

    private static readonly SocketModeSettings Fast = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
        MaxMessageBytes = 4096,
    };

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static JsonObject Reply(string text) => new() { ["text"] = text };

    [Fact]
    public async Task A_slash_command_reaches_the_handler_and_the_ack_carries_its_reply()
    {
        var handler = new RecordingHandler((_, _) => Reply("3 new tariff items"));
        await using var run = await Running.StartAsync(handler);

        var ack = await run.Server.SendEnvelopeAsync("slash_commands", SlashCommand, envelopeId: "1d2e3f-slash");

        var (type, payload) = Assert.Single(handler.Seen);
        Assert.Equal("slash_commands", type);
        Assert.Equal("latest tariffs", payload.GetProperty("text").GetString());
        Assert.Equal("1d2e3f-slash", ack.GetProperty("envelope_id").GetString());
        Assert.Equal("3 new tariff items", ack.GetProperty("payload").GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_envelope_that_accepts_no_response_payload_gets_a_bare_ack()
    {
        var handler = new RecordingHandler((_, _) => Reply("ignored"));
        await using var run = await Running.StartAsync(handler);

        var ack = await run.Server.SendEnvelopeAsync("events_api", """{"event":{"type":"app_mention","text":"hi"}}""", acceptsResponsePayload: false);

        Assert.Single(handler.Seen);
        Assert.Equal(["envelope_id"], ack.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_handler_that_throws_is_acked_without_payload_and_the_next_envelope_still_works()
    {
        var handler = new RecordingHandler((_, payload) =>
            payload.GetProperty("text").GetString() == "boom" ? throw new InvalidOperationException("handler broke") : Reply("fine"));
        await using var run = await Running.StartAsync(handler);

        var failed = await run.Server.SendEnvelopeAsync("slash_commands", """{"command":"/trade","text":"boom","response_url":"https://hooks.slack.com/commands/SECRET"}""");
        var next = await run.Server.SendEnvelopeAsync("slash_commands", SlashCommand);

        Assert.False(failed.TryGetProperty("payload", out _));
        Assert.Equal("fine", next.GetProperty("payload").GetProperty("text").GetString());
        Assert.Contains(run.Lines, line => line.Contains("handler broke", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, line => line.Contains("hooks.slack.com", StringComparison.Ordinal));
        Assert.Equal(1, run.Server.Connections);
    }

    [Fact]
    public async Task On_disconnect_the_client_reconnects_with_a_fresh_url_and_keeps_working()
    {
        var handler = new RecordingHandler((_, _) => Reply("ok"));
        await using var run = await Running.StartAsync(handler);

        await run.Server.SendDisconnectAsync("refresh_requested");
        await run.Server.WaitForConnectionsAsync(2);
        var ack = await run.Server.SendEnvelopeAsync("slash_commands", SlashCommand);

        Assert.Equal(2, run.OpenCalls);
        Assert.Equal(["ticket-1", "ticket-2"], run.Server.Tickets);
        Assert.Equal("ok", ack.GetProperty("payload").GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_aborted_socket_is_reconnected()
    {
        var handler = new RecordingHandler((_, _) => Reply("ok"));
        await using var run = await Running.StartAsync(handler);

        run.Server.Abort();
        await run.Server.WaitForConnectionsAsync(2);
        var ack = await run.Server.SendEnvelopeAsync("slash_commands", SlashCommand);

        Assert.Equal(2, run.OpenCalls);
        Assert.Equal("ok", ack.GetProperty("payload").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_failed_connections_open_is_retried()
    {
        var handler = new RecordingHandler((_, _) => null);
        await using var run = await Running.StartAsync(handler, failFirstCalls: 2);

        Assert.Equal(3, run.OpenCalls);
        Assert.Equal(["ticket-3"], run.Server.Tickets);
    }

    [Fact]
    public async Task An_oversized_message_is_dropped_and_the_connection_carries_on()
    {
        var handler = new RecordingHandler((_, _) => Reply("ok"));
        await using var run = await Running.StartAsync(handler);
        var huge = $$"""{"command":"/trade","text":"{{new string('x', Fast.MaxMessageBytes)}}"}""";

        await run.Server.SendAsync(FakeSocketModeServer.Envelope("env-huge", "slash_commands", huge, acceptsResponsePayload: true));
        await run.Server.SendEnvelopeAsync("slash_commands", SlashCommand);

        var (_, payload) = Assert.Single(handler.Seen);
        Assert.Equal("latest tariffs", payload.GetProperty("text").GetString());
        Assert.DoesNotContain("env-huge", run.Server.AckedIds);
        Assert.Contains(run.Lines, line => line.Contains("exceeds", StringComparison.Ordinal));
        Assert.Equal(1, run.Server.Connections);
    }

    [Fact]
    public async Task Cancellation_stops_RunAsync_without_an_exception()
    {
        var handler = new RecordingHandler((_, _) => null);
        var run = await Running.StartAsync(handler);

        await run.Stop.CancelAsync();
        await run.Loop.WaitAsync(Patience);

        Assert.True(run.Loop.IsCompletedSuccessfully);
        await run.DisposeAsync();
    }

    [Fact]
    public async Task Logs_never_contain_the_app_token_or_the_connection_ticket()
    {
        var handler = new RecordingHandler((_, _) => throw new InvalidOperationException("handler broke"));
        await using var run = await Running.StartAsync(handler);

        await run.Server.SendEnvelopeAsync("slash_commands", SlashCommand);
        run.Server.Abort();
        await run.Server.WaitForConnectionsAsync(2);

        Assert.All(run.TokensSeen, token => Assert.Equal(AppToken, token));
        Assert.NotEmpty(run.Lines);
        Assert.DoesNotContain(run.Lines, line => line.Contains(AppToken, StringComparison.Ordinal) || line.Contains("ticket-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Waits_after_failed_attempts_grow_from_the_first_and_never_pass_the_cap()
    {
        var handler = new RecordingHandler((_, _) => null);
        await using var run = await Running.StartAsync(handler, failFirstCalls: 6);

        var waits = run.RetryWaits();

        Assert.Equal(6, waits.Count);
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromTicks(1), Fast.MaxBackoff));
        Assert.Contains(waits, wait => wait > Fast.InitialBackoff);
    }

    [Fact]
    public async Task A_wait_slack_asks_for_is_the_wait_taken()
    {
        var asked = TimeSpan.FromMilliseconds(300);
        var handler = new RecordingHandler((_, _) => null);
        await using var run = await Running.StartAsync(handler, failFirstCalls: 1,
            failure: new SlackApiException("apps.connections.open", "ratelimited", SlackErrorKind.RateLimited, asked));

        Assert.Equal([asked], run.RetryWaits());
        Assert.Equal(2, run.OpenCalls);
    }

    [Fact]
    public async Task A_refused_app_token_is_logged_as_an_error_and_retried()
    {
        var handler = new RecordingHandler((_, _) => null);
        await using var run = await Running.StartAsync(handler, failFirstCalls: 1,
            failure: new SlackApiException("apps.connections.open", "invalid_auth", SlackErrorKind.AuthRevoked));

        Assert.Contains(run.Logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains("invalid_auth", StringComparison.Ordinal));
        Assert.Equal(2, run.OpenCalls);
    }

    /// <summary>A fake server, a client running against it (apps.connections.open mocked), and the means to stop both.</summary>
    private sealed class Running : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> _tokensSeen = new();
        private int _openCalls;

        private Running(FakeSocketModeServer server) => Server = server;

        public FakeSocketModeServer Server { get; }
        public Mock<ISlackApi> Api { get; } = new(MockBehavior.Strict);
        public FakeLogger<SocketModeClient> Logger { get; } = new();
        public CancellationTokenSource Stop { get; } = new();
        public Task Loop { get; private set; } = Task.CompletedTask;
        public int OpenCalls => Volatile.Read(ref _openCalls);
        public IReadOnlyList<string> TokensSeen => [.. _tokensSeen];

        /// <summary>Every line logged, with its exception, as the tests read them.</summary>
        public IReadOnlyList<string> Lines => [.. Logger.Collector.GetSnapshot().Select(r => $"{r.Level}: {r.Message} {r.Exception}")];

        /// <summary>The waits announced before each retry of a failed attempt, in order.</summary>
        public IReadOnlyList<TimeSpan> RetryWaits() =>
        [
            .. Logger.Collector.GetSnapshot()
                .Where(r => r.Message.Contains("retrying in", StringComparison.Ordinal))
                .Select(r => TimeSpan.Parse(r.StructuredState!.Single(p => p.Key == "Delay").Value!, CultureInfo.InvariantCulture)),
        ];

        public static async Task<Running> StartAsync(RecordingHandler handler, int failFirstCalls = 0, SlackApiException? failure = null)
        {
            var server = await FakeSocketModeServer.StartAsync();
            var running = new Running(server);
            running.Api
                .Setup(a => a.OpenSocketModeConnectionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .Returns((string token, CancellationToken _) =>
                {
                    running._tokensSeen.Enqueue(token);
                    var call = Interlocked.Increment(ref running._openCalls);
                    return call <= failFirstCalls
                        ? Task.FromException<Uri>(failure ?? new SlackApiException("apps.connections.open", "internal_error", SlackErrorKind.Transient))
                        : Task.FromResult(server.LinkUrl($"ticket-{call}"));
                });
            var client = new SocketModeClient(running.Api.Object, AppToken, handler, TimeProvider.System, running.Logger, Fast);
            running.Loop = client.RunAsync(running.Stop.Token);
            await server.WaitForConnectionsAsync(1);
            return running;
        }

        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Loop.WaitAsync(Patience);
            await Server.DisposeAsync();
            Stop.Dispose();
        }
    }
}
