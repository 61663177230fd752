using System.Net;

namespace TradeAlertBot.IntegrationTests.Specs;

public sealed class StartupSettingsSpecs : IDisposable
{
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    public static TheoryData<string, Dictionary<string, string>, string> Incomplete => new()
    {
        {
            "Slack signing secret without a token",
            new() { ["Slack:SigningSecret"] = "secret" },
            "Slack:BotToken or Slack:ClientId and Slack:ClientSecret is required when Slack:SigningSecret is set"
        },
        {
            "Slack OAuth client id without its secret",
            new() { ["Slack:SigningSecret"] = "secret", ["Slack:ClientId"] = "123.456" },
            "Slack:ClientId and Slack:ClientSecret must be set together"
        },
        {
            "Slack Socket Mode without a bot token",
            new() { ["Slack:AppToken"] = "xapp-1" },
            "Slack:BotToken is required when Slack:AppToken is set"
        },
        {
            "Teams single tenant without a tenant",
            new() { ["Teams:AppId"] = "app", ["Teams:AppPassword"] = "pw", ["Teams:AppType"] = "SingleTenant" },
            "Teams:TenantId is required when Teams:AppType is SingleTenant"
        },
        {
            "Teams app without a credential",
            new() { ["Teams:AppId"] = "app" },
            "Teams:AppPassword or Teams:CertificatePath is required when Teams:AppId is set"
        },
        {
            "Delivery with no attempts",
            new() { ["Delivery:MaxAttempts"] = "0" },
            "Delivery:MaxAttempts must be between 1 and 100"
        },
        {
            "Delivery retry cap below the first delay",
            new() { ["Delivery:RetryDelay"] = "00:10:00", ["Delivery:MaxRetryDelay"] = "00:01:00" },
            "Delivery:MaxRetryDelay must not be shorter than Delivery:RetryDelay"
        },
        {
            "Hangfire without workers",
            new() { ["Hangfire:WorkerCount"] = "0" },
            "Hangfire:WorkerCount must be between 1 and 256"
        },
        {
            "A forwarding proxy that is not an address",
            new() { ["ForwardedHeaders:Enabled"] = "true", ["ForwardedHeaders:KnownProxies:0"] = "proxy.internal" },
            "ForwardedHeaders:KnownProxies 'proxy.internal' is not an IP address"
        },
        {
            "Storage provider not supported",
            new() { ["Storage:Provider"] = "mysql" },
            "Storage:Provider must be 'sqlite' or 'postgres'"
        },
        {
            "PostgreSQL without its connection string",
            new() { ["Storage:Provider"] = "postgres", ["ConnectionStrings:Default"] = "" },
            "Storage:Provider 'postgres' needs ConnectionStrings:Default"
        },
        {
            "PostgreSQL with a SQLite connection string",
            new() { ["Storage:Provider"] = "postgres" },
            "ConnectionStrings:Default is not an Npgsql connection string"
        },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public async Task The_service_refuses_to_start_with_incomplete_settings_and_names_the_missing_one(
        string _, Dictionary<string, string> settings, string message)
    {
        var error = await FailedStart.ErrorAsync(_database, settings);

        Assert.NotNull(error);
        Assert.Contains(message, Messages(error));
    }

    [Fact]
    public async Task The_service_starts_with_complete_slack_and_single_tenant_teams_settings()
    {
        await using var host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = "secret",
            ["Slack:BotToken"] = "xoxb-1",
            ["Slack:ApiBaseUrl"] = "http://127.0.0.1:9/api/",
            ["Teams:AppId"] = "app",
            ["Teams:AppPassword"] = "pw",
            ["Teams:AppType"] = "SingleTenant",
            ["Teams:TenantId"] = "11111111-1111-1111-1111-111111111111",
            ["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:9/openid",
            ["Teams:Authority"] = "https://127.0.0.1:9/tenant",
            ["Delivery:MaxAttempts"] = "3",
        });

        var response = await host.CreateClient().GetAsync("/api/alerts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Messages(Exception error) => error switch
    {
        AggregateException all => string.Join("\n", all.InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => error.Message + "\n" + Messages(inner),
        _ => error.Message,
    };
}
