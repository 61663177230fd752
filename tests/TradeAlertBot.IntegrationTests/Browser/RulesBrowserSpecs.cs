using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TradeAlertBot.Audit;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.IntegrationTests.Specs;
using TradeAlertBot.Storage.Entities;
using static Microsoft.Playwright.Assertions;

namespace TradeAlertBot.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class RulesBrowserSpecs(Chromium chromium)
{
    [Fact]
    public async Task A_syntax_error_shows_with_its_line_and_column_as_I_type_and_goes_when_I_fix_it()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        await AddRuleAsync(site, "eu-steel", ("steel AND (EU OR \"European Union\")", "EU steel for the Brussels desk"));
        await ConsoleSeed.AddStoryAsync(site.Host, "EU steel safeguard extended", "", 2, "new-tariffs", "eu-steel");
        await ConsoleSeed.AddStoryAsync(site.Host, "US tariffs on EU steel", "", 12, "new-tariffs", "eu-steel");
        await ConsoleSeed.AddStoryAsync(site.Host, "Chip export licences tightened", "", 3, "export-controls");
        var page = site.Page;
        await site.SignInAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Rules" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "new-tariffs" })).ToBeVisibleAsync();
        await site.ScreenshotAsync("rules");

        await page.GetByLabel("Name of a new rule").FillAsync("steel-watch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a rule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New rule steel-watch" })).ToBeVisibleAsync();
        var editor = page.Url;
        var query = page.GetByLabel("Query", new() { Exact = true });
        await query.FillAsync("steel\nAND (tariff* OR");

        var status = page.GetByRole(AriaRole.Status);
        await Expect(status).ToHaveTextAsync(new Regex("^Line 2, column \\d+: "));
        await Expect(query).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(query).ToHaveAccessibleDescriptionAsync(new Regex("Line 2, column \\d+"));
        await site.ScreenshotAsync("rule-editor-error");

        await query.FillAsync("steel\nAND (tariff* OR duty)");
        await Expect(status).ToHaveTextAsync("No syntax errors.");
        await Expect(query).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(editor, page.Url); // checked as typed: nothing was submitted
        Assert.False(await site.Host.WithDbAsync(db => db.Rules.AnyAsync(r => r.Name == "steel-watch")));
    }

    [Fact]
    public async Task A_backtest_charts_matches_per_day_and_marks_the_terms_then_saving_with_a_reason_is_audited()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        await ConsoleSeed.AddStoryAsync(site.Host, "US raises steel tariffs to 50%", "Duties on steel imports double from June.", 1);
        await ConsoleSeed.AddStoryAsync(site.Host, "Steel tariff exemptions end for Canada", "", 4);
        await ConsoleSeed.AddStoryAsync(site.Host, "<img src=x onerror=alert(1)> steel tariff notice", "", 9);
        await ConsoleSeed.AddStoryAsync(site.Host, "Solar panel quotas eased", "", 2);
        var page = site.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await site.SignInAsync();
        await page.GotoAsync("/admin/rules/steel-watch");

        await page.GetByLabel("Query", new() { Exact = true }).FillAsync("steel AND tariff*");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run backtest" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Backtest: matches per day: 3 matches" })).ToBeVisibleAsync();
        var newest = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "US raises steel tariffs to 50%" });
        await Expect(newest).ToBeVisibleAsync();
        var marked = await newest.InnerHTMLAsync();
        Assert.Contains("US raises <mark>steel</mark> <mark>tariffs</mark> to 50%", marked);
        Assert.Contains("Duties on <mark>steel</mark> imports", marked);
        await Expect(page.GetByText("<img src=x onerror=alert(1)> steel tariff notice")).ToBeVisibleAsync();
        await site.ScreenshotAsync("rule-backtest");

        await page.GetByLabel("Reason for this change").FillAsync("watch steel tariffs for the desk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();

        await Expect(page.GetByText("Saved rule steel-watch as version 1")).ToBeVisibleAsync();
        var entry = await site.Host.WithDbAsync(db => db.AuditLog.SingleAsync(e => e.Action == AuditAction.RuleAdd));
        Assert.Equal(("rule steel-watch v1", "steel AND tariff*"), (entry.Target, entry.After));
        Assert.Matches("^web:admin/[0-9A-F]{8}$", entry.Actor);
        Assert.Equal("watch steel tariffs for the desk", (await site.Host.WithDbAsync(db => db.RuleVersions.SingleAsync(v => v.RuleName == "steel-watch"))).Reason);
        Assert.Equal(0, dialogs); // the hostile title ran nothing
    }

    [Fact]
    public async Task I_compare_an_old_version_with_the_current_text_and_revert_to_it_in_one_click()
    {
        await using var site = await ConsoleSite.StartAsync(chromium);
        await AddRuleAsync(site, "steel-watch", ("steel\nOR iron", "watch steel and iron"), ("steel\nOR aluminium", "aluminium, not iron"));
        var page = site.Page;
        await site.SignInAsync();
        await page.GotoAsync("/admin/rules/steel-watch");

        await page.GetByRole(AriaRole.Link, new() { Name = "Compare version 1 with current" }).ClickAsync();

        var diff = page.GetByRole(AriaRole.List, new() { Name = "Version 1 compared with the current text" });
        await Expect(diff.GetByRole(AriaRole.Deletion)).ToHaveTextAsync("OR iron");
        await Expect(diff.GetByRole(AriaRole.Insertion)).ToHaveTextAsync("OR aluminium");
        await Expect(diff.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "iron" })).ToHaveTextAsync(new Regex("removed: OR iron"));
        await site.ScreenshotAsync("rule-history");

        await page.GetByRole(AriaRole.Button, new() { Name = "Revert to version 1" }).ClickAsync();

        await Expect(page.GetByText("Reverted rule steel-watch to the text of version 1, stored as version 3.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Query", new() { Exact = true })).ToHaveValueAsync("steel\nOR iron");
        var latest = await site.Host.WithDbAsync(db => db.RuleVersions.SingleAsync(v => v.RuleName == "steel-watch" && v.Version == 3));
        Assert.Equal((RuleChange.Reverted, "revert to version 1"), (latest.Change, latest.Reason));
    }

    /// <summary>Stores each text as the rule's next version (the first adds it), as the command line would, with its reason.</summary>
    private static Task<int> AddRuleAsync(ConsoleSite site, string name, params (string Query, string Reason)[] versions) => site.Host.WithDbAsync(async db =>
    {
        var rules = new RuleRegistration(db, TimeProvider.System, new AuditLog(db, TimeProvider.System));
        var version = await rules.AddAsync(name, versions[0].Query, AuditActor.Cli, versions[0].Reason, default);
        foreach (var (query, reason) in versions.Skip(1))
        {
            version = await rules.EditAsync(name, query, AuditActor.Cli, reason, default);
        }

        return version;
    });
}
