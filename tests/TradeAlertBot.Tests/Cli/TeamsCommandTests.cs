using System.IO.Compression;
using System.Text.Json;

namespace TradeAlertBot.Tests.Cli;

public sealed class TeamsCommandTests : IDisposable
{
    private const string AppId = "6f0c2d7e-1111-4c3b-9a55-0123456789ab";
    private readonly string _zip = Path.Combine(Path.GetTempPath(), $"tab-teams-{Guid.NewGuid():n}.zip");
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"tab-cli-{Guid.NewGuid():n}.db");

    public void Dispose()
    {
        File.Delete(_zip);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    [Fact]
    public async Task Pack_writes_the_manifest_with_its_placeholders_filled_and_both_icons_at_the_root()
    {
        var run = await CliRun.InvokeAsync("", "teams", "pack", "--app-id", AppId, "--host", "alerts.example.com",
            "--developer", "Example \"Trade\" Desk", "--from", Path.Combine(RepoPaths.Root, "deploy", "teams"), "--out", _zip);

        Assert.Equal(0, run.ExitCode);
        using var zip = ZipFile.OpenRead(_zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal(AppId, root.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("Example \"Trade\" Desk", root.GetProperty("developer").GetProperty("name").GetString());
        Assert.DoesNotContain("{{", root.GetRawText());
    }

    [Theory]
    [InlineData("not-a-guid", "alerts.example.com", "App ID")]
    [InlineData(AppId, "bad host/name", "not a host name")]
    public async Task Pack_refuses_bad_arguments(string appId, string host, string message)
    {
        var run = await CliRun.InvokeAsync("", "teams", "pack", "--app-id", appId, "--host", host,
            "--from", Path.Combine(RepoPaths.Root, "deploy", "teams"), "--out", _zip);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(_zip));
    }

    [Fact]
    public async Task A_webhook_needs_https_and_known_rules()
    {
        var http = await CliRun.InvokeWithDatabaseAsync(_database, "", "teams", "webhook", "add", "http://x.example/hook", "new-tariffs");
        var unknown = await CliRun.InvokeWithDatabaseAsync(_database, "", "teams", "webhook", "add", "https://x.example/hook", "no-such-rule");

        Assert.Equal(2, http.ExitCode);
        Assert.Contains("https", http.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no category or rule 'no-such-rule'", unknown.Error);
    }
}
