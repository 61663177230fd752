using Microsoft.Playwright;

namespace TradeAlertBot.IntegrationTests.Browser;

/// <summary>
/// The real host on a Kestrel port of 127.0.0.1 (a browser cannot reach the in-memory test server), with the admin
/// console on (<see cref="Token"/>), and a fresh browser context on it.
/// </summary>
internal sealed class ConsoleSite : IAsyncDisposable
{
    public const string Token = "browser-spec-admin-token";

    private ConsoleSite(TradeAlertBotFactory host, IBrowserContext context, IPage page, string baseUrl)
    {
        Host = host;
        Context = context;
        Page = page;
        BaseUrl = baseUrl;
    }

    public TradeAlertBotFactory Host { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public string BaseUrl { get; }

    /// <summary>Starts the host and a browser context of <paramref name="viewport"/> (a desktop window unless a spec asks for a phone).</summary>
    public static async Task<ConsoleSite> StartAsync(Chromium chromium, IReadOnlyDictionary<string, string>? settings = null, ViewportSize? viewport = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Admin:Token"] = Token };
        var host = new TradeAlertBotFactory(TradeAlertBotFactory.NewDatabasePath(), settings: all);
        host.UseKestrel(0);
        host.StartServer();
        var baseUrl = host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = viewport ?? new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new ConsoleSite(host, context, page, baseUrl);
    }

    /// <summary>Signs in with the token the way an admin does: by the field's label and the button's name.</summary>
    public async Task SignInAsync()
    {
        await Page.GotoAsync("/admin");
        await Page.GetByLabel("Admin token").FillAsync(Token);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Overview" }).WaitForAsync();
    }

    /// <summary>Writes the page as it looks now to <see cref="Screenshots.Folder"/> (docs/admin.md shows the current ones).</summary>
    public Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new() { Path = Screenshots.PathFor(name), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Host.DisposeAsync();
    }
}
