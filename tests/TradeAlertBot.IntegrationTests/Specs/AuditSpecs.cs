using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using TradeAlertBot.Cli;
using TradeAlertBot.IntegrationTests.Fakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>One audit log for admin actions from chat, the web and the command line, each under its own actor.</summary>
public sealed partial class AuditSpecs : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private const string AdminToken = "audit-spec-admin-token";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private TradeAlertBotFactory? _host;
    private SlackCommandSender _send = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
        if (Directory.Exists(_database + ".keys"))
        {
            Directory.Delete(_database + ".keys", recursive: true);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_chat_rule_edit_a_web_sign_in_and_a_cli_feed_add_all_show_in_the_audit_log_with_their_actors(string provider)
    {
        _host = await TradeAlertBotFactory.OnAsync(provider, _database, new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = "xoxb-unused",
            ["Slack:Admins"] = "T1:UADMIN",
            ["Admin:Token"] = AdminToken,
        });
        _send = new SlackCommandSender(_host.CreateClient(), Secret);
        Assert.Contains("Added rule", await ChatAsync("rule add steel-watch tariff* AND steel"));
        Assert.Contains("Changed rule", await ChatAsync("rule edit steel-watch tariff* AND (steel OR aluminium) --reason \"aluminium too\""));
        using var browser = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await AdminForms.SignInAsync(browser, "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminForms.SignInAsync(browser, AdminToken)).StatusCode);
        Assert.Equal(0, (await CliAsync("feeds", "add", "https://93.184.215.14/trade.xml")).Exit);

        var (exit, csv) = await CliAsync("audit", "--csv");

        Assert.Equal(0, exit);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("time,actor,action,target,before,after", rows[0]);
        // Newest first: the CLI's feed, the sign-in, the refusal, then the chat edit and add.
        Assert.Matches(@"^[-0-9: Z]+,cli,feed-add,feed https://93\.184\.215\.14/trade\.xml,,$", rows[1]);
        Assert.Matches(@"^[-0-9: Z]+,web:admin/[0-9A-F]{8},sign-in,admin page,,token sign-in from \S", rows[2]);
        Assert.Matches(@"^[-0-9: Z]+,web:anonymous,sign-in-refused,admin page,,wrong token from \S", rows[3]);
        Assert.Matches(@"^[-0-9: Z]+,slack:T1/UADMIN,rule-edit,rule steel-watch v2,tariff\* AND steel,tariff\* AND \(steel OR aluminium\)$", rows[4]);
        Assert.Matches(@"^[-0-9: Z]+,slack:T1/UADMIN,rule-add,rule steel-watch v1,,tariff\* AND steel$", rows[5]);
        Assert.Equal(6, rows.Length);

        var history = await ChatAsync("rule history steel-watch");
        Assert.Contains("*v2* edited by slack:T1/UADMIN", history);
        Assert.Contains("aluminium too", history);
        Assert.Contains("sign-in", (await CliAsync("audit", "--actor", "web:")).Out);
        Assert.DoesNotContain("rule-edit", (await CliAsync("audit", "--actor", "web:")).Out);
        Assert.Contains("SignIn", await ChatAsync("audit 3"));
        // The daily prune, as Hangfire resolves it from the host: nothing here is older than Admin:AuditRetention.
        await _host.RunJobAsync<Audit.AuditPruneJob>(async job => Assert.Equal(0, await job.RunAsync(CancellationToken.None)));
    }

    private async Task<string> ChatAsync(string text)
    {
        var response = await _send.CommandAsync(text, user: "UADMIN");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("text").GetString()!;
    }

    // The command line as an operator runs it beside the service: the same settings and database, its own state.
    private async Task<(int Exit, string Out)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = new CliConsole(new StringReader(""), output, new StringWriter(), TimeProvider.System,
            _host!.Services.GetRequiredService<IConfiguration>());
        return (await CliApp.RunAsync(args, console), output.ToString());
    }

}
