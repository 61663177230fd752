using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TradeAlertBot.Storage;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>An HTTP client signed in to the admin console with the token, posting forms as the browser does (antiforgery field included).</summary>
internal sealed partial class SignedInConsole : IAsyncDisposable
{
    public const string Token = "console-spec-admin-token";

    private readonly string _database;

    private SignedInConsole(string database, TradeAlertBotFactory host, HttpClient client)
    {
        _database = database;
        Host = host;
        Client = client;
    }

    public TradeAlertBotFactory Host { get; }

    public HttpClient Client { get; }

    /// <summary>A host with the console on (on SQLite, or PostgreSQL when <paramref name="provider"/> says so) and a client not signed in yet.</summary>
    public static async Task<SignedInConsole> StartAsync(string provider = StorageOptions.Sqlite, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = TradeAlertBotFactory.NewDatabasePath();
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Admin:Token"] = Token };
        var host = await TradeAlertBotFactory.OnAsync(provider, database, all);
        return new SignedInConsole(database, host, host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
    }

    public async Task SignInAsync()
    {
        var response = await AdminForms.SignInAsync(Client, Token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public async Task<string> GetPageAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="path"/> with the antiforgery token of <paramref name="formPage"/>, freshly loaded.</summary>
    public async Task<HttpResponseMessage> PostAsync(string formPage, string path, Dictionary<string, string> fields)
    {
        fields["__af"] = AdminForms.AntiforgeryToken(await GetPageAsync(formPage));
        return await Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

}
