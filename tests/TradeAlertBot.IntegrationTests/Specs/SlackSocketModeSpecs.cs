using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Socket Mode: no public URL; commands and mentions arrive over the WebSocket and reach the same handlers.</summary>
public sealed class SlackSocketModeSpecs : IAsyncLifetime
{
    private const string BotToken = "xoxb-socket-bot";
    private const string AppToken = "xapp-socket-app";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"tab-keys-{Guid.NewGuid():n}");
    private FakeSlackApi _slack = null!;
    private FakeSocketModeServer _socket = null!;
    private TradeAlertBotFactory _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync(BotToken, AppToken);
        _socket = await FakeSocketModeServer.StartAsync();
        _slack.SocketModeUrl = _socket.LinkUrl("ticket-1");
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Slack:AppToken"] = AppToken,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = _slack.BaseUrl.AbsoluteUri,
            ["Slack:Admins"] = "T1:UADMIN",
            ["DataProtection:KeysPath"] = _keys,
        });
        _ = _host.Server;
        await _socket.WaitForConnectionsAsync(1);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _socket.DisposeAsync();
        await _slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    private static string Command(string text, string user = "UUSER") => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["team_id"] = "T1", ["channel_id"] = "C-SOCK", ["user_id"] = user, ["command"] = "/trade", ["text"] = text,
        ["response_url"] = "http://127.0.0.1:1/unused",
    });

    private static string AckText(JsonElement ack) => ack.GetProperty("payload").GetProperty("text").GetString()!;

    [Fact]
    public async Task A_slash_command_over_the_socket_is_answered_in_its_ack()
    {
        var ack = await _socket.SendEnvelopeAsync("slash_commands", Command("subscribe new-tariffs country:VN"));

        Assert.Contains("Subscribed this channel to `new-tariffs` in VN", AckText(ack));
        var subscription = await _host.WithDbAsync(db => db.Subscriptions.SingleAsync(s => s.Destination!.Address == "T1/C-SOCK"));
        Assert.Equal("VN", subscription.Country);
        Assert.Equal(AppToken, Assert.Single(_slack.CallsTo("apps.connections.open")).Token);
    }

    [Fact]
    public async Task Admin_commands_over_the_socket_check_the_user_too()
    {
        var refused = AckText(await _socket.SendEnvelopeAsync("slash_commands", Command("feed remove 1")));
        var help = AckText(await _socket.SendEnvelopeAsync("slash_commands", Command("help", user: "UADMIN")));

        Assert.Contains("admins only", refused);
        Assert.Contains("rule add NAME QUERY", help);
    }

    [Fact]
    public async Task A_mention_is_answered_in_its_thread()
    {
        const string Mention = """
            {"team_id":"T1","type":"event_callback","event":{"type":"app_mention","user":"UUSER","channel":"C-SOCK","ts":"1700000000.000200","text":"<@UBOT> categories"}}
            """;

        await _socket.SendEnvelopeAsync("events_api", Mention, acceptsResponsePayload: false);
        await _host.WaitUntilAsync(_ => Task.FromResult(_slack.Messages("C-SOCK").Count > 0));

        var reply = Assert.Single(_slack.Messages("C-SOCK"));
        Assert.Equal("1700000000.000200", reply.ThreadTs);
        Assert.Contains("new-tariffs", reply.Text);
    }
}
