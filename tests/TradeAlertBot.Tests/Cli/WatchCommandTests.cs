using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Tests.Cli;

public sealed class WatchCommandTests : IAsyncLifetime
{
    private OutboxDatabase _db = null!;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"tab-watch-{Guid.NewGuid():n}.csv");

    public async Task InitializeAsync() => _db = await OutboxDatabase.CreateAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_imported_list_is_exported_again_as_the_same_csv()
    {
        const string csv = "hs,product,country,label\r\n8541.43,,CN,\"solar cells, bifacial\"\r\n,EVs,,\r\n";
        await File.WriteAllTextAsync(_file, csv);

        var import = await _db.RunAsync("watch", "import", "--destination", OutboxDatabase.Desk, _file);
        var export = await _db.RunAsync("watch", "export", "--destination", OutboxDatabase.Desk);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("imported 2 entries into slack:C0DESK", import.Out);
        Assert.Equal(csv, export.Out);
        await using var db = await _db.OpenAsync();
        Assert.Equal(AuditAction.WatchImport, (await db.AuditLog.SingleAsync()).Action);
    }

    [Fact]
    public async Task Importing_again_skips_the_entries_already_on_the_list()
    {
        await File.WriteAllTextAsync(_file, "hs,country\n8541.43,CN\n");
        await _db.RunAsync("watch", "import", "--destination", OutboxDatabase.Desk, _file);

        var again = await _db.RunAsync("watch", "import", "--destination", OutboxDatabase.Desk, _file);

        Assert.Contains("imported 0 entries into slack:C0DESK; 1 already on the list", again.Out);
        await using var db = await _db.OpenAsync();
        Assert.Equal(1, await db.WatchListEntries.CountAsync());
    }

    [Fact]
    public async Task A_file_with_a_bad_row_imports_nothing_and_names_the_line()
    {
        await File.WriteAllTextAsync(_file, "hs,country\n8541.43,CN\n8541.4,CN\n");

        var run = await _db.RunAsync("watch", "import", "--destination", OutboxDatabase.Desk, _file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3: \"8541.4\" is not an HS code", run.Error);
        Assert.Contains("1 bad row(s); nothing imported", run.Error);
        await using var db = await _db.OpenAsync();
        Assert.Equal(0, await db.WatchListEntries.CountAsync());
    }

    [Fact]
    public async Task An_unknown_destination_is_refused()
    {
        var run = await _db.RunAsync("watch", "export", "--destination", "slack:C0NOPE");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no destination 'slack:C0NOPE'", run.Error);
    }
}
