using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WatchListBrowserSpecs(Chromium chromium)
{
    [Fact]
    public async Task A_watch_list_csv_uploaded_on_the_destinations_page_shows_its_entries_and_can_be_downloaded_again()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        await site.Host.WithDbAsync(async db =>
        {
            db.Destinations.Add(new Destination { Kind = "test", Address = "C-SOLAR", Name = "#solar-desk" });
            return await db.SaveChangesAsync();
        });
        await site.SignInAsync();
        var page = site.Page;
        await page.GotoAsync("/admin/destinations");

        await page.GetByLabel("Watch-list CSV to import into test:C-SOLAR (#solar-desk)").SetInputFilesAsync(new FilePayload
        {
            Name = "watch.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("hs,product,country,label\n8541.43,,CN,solar cells\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import watch list into test:C-SOLAR (#solar-desk)" }).ClickAsync();

        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Imported 1 watch-list entry." }).WaitForAsync();
        await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "8541.43 solar cells, from CN" }).WaitForAsync();
        Assert.Equal(1, await site.Host.WithDbAsync(db => db.WatchListEntries.CountAsync()));
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Export watch list of test:C-SOLAR (#solar-desk) (CSV)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"tab-watch-{Guid.NewGuid():n}.csv");
        await download.SaveAsAsync(file);
        try
        {
            Assert.Contains("solar cells", await File.ReadAllTextAsync(file));
        }
        finally
        {
            File.Delete(file);
        }

        await site.ScreenshotAsync("destinations-watch-list");
    }
}
