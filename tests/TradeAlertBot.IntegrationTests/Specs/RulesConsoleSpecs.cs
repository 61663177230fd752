using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.IntegrationTests.Specs;

public sealed class RulesConsoleSpecs : IAsyncLifetime
{
    private SignedInConsole _console = null!;

    public async Task InitializeAsync() => _console = await SignedInConsole.StartAsync();

    public async Task DisposeAsync() => await _console.DisposeAsync();

    [Fact]
    public async Task The_check_answers_the_line_and_column_of_an_error_on_line_2()
    {
        await _console.SignInAsync();

        var answer = await CheckAsync("steel\nAND (tariff");

        Assert.False(answer.GetProperty("ok").GetBoolean());
        var error = answer.GetProperty("error");
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 1);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task The_check_answers_ok_for_a_valid_query_and_stores_nothing()
    {
        await _console.SignInAsync();
        var rules = await _console.Host.WithDbAsync(db => db.Rules.CountAsync());

        var answer = await CheckAsync("tariff* NEAR/5 (steel OR aluminium)");

        Assert.True(answer.GetProperty("ok").GetBoolean());
        Assert.False(answer.TryGetProperty("error", out _));
        Assert.Equal(rules, await _console.Host.WithDbAsync(db => db.Rules.CountAsync()));
    }

    [Fact]
    public async Task The_check_without_the_antiforgery_token_is_refused()
    {
        await _console.SignInAsync();

        var response = await _console.Client.PostAsync("/admin/rules?handler=check", new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "steel" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Saving_without_the_antiforgery_token_is_refused_and_stores_nothing()
    {
        await _console.SignInAsync();

        var response = await _console.Client.PostAsync("/admin/rules/steel-watch?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Query"] = "steel",
            ["Reason"] = "watch steel",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await _console.Host.WithDbAsync(db => db.Rules.AnyAsync(r => r.Name == "steel-watch")));
    }

    [Fact]
    public async Task The_check_without_signing_in_sends_to_the_sign_in_form()
    {
        var response = await _console.Client.PostAsync("/admin/rules?handler=check", new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "steel" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_rules_list_flags_categories_and_counts_the_stories_of_7_and_30_days(string provider)
    {
        await using var console = await SignedInConsole.StartAsync(provider);
        await ConsoleSeed.AddStoryAsync(console.Host, "US raises steel tariffs", "", 1, "new-tariffs");
        await ConsoleSeed.AddStoryAsync(console.Host, "EU tariff on solar panels", "", 10, "new-tariffs");
        await ConsoleSeed.AddStoryAsync(console.Host, "Old tariff news", "", 45, "new-tariffs");
        await console.SignInAsync();

        var page = await console.GetPageAsync("/admin/rules");

        Assert.Matches("<a href=\"/admin/rules/new-tariffs\">new-tariffs</a></th>\\s*<td>category</td>\\s*<td><code>[^<]*</code></td>\\s*<td>1</td>\\s*<td>2</td>", page);
    }

    [Fact]
    public async Task Saving_without_a_reason_is_refused_and_stores_nothing()
    {
        await _console.SignInAsync();

        var response = await _console.PostAsync("/admin/rules/steel-watch", "/admin/rules/steel-watch?handler=Save", new() { ["Query"] = "steel", ["Reason"] = " " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Say why", await response.Content.ReadAsStringAsync());
        Assert.False(await _console.Host.WithDbAsync(db => db.Rules.AnyAsync(r => r.Name == "steel-watch")));
    }

    [Fact]
    public async Task A_rule_added_and_edited_with_reasons_keeps_them_in_its_history_and_the_audit_log_names_the_session()
    {
        await _console.SignInAsync();

        await SaveAsync("steel-watch", "steel", "watch steel");
        var response = await SaveAsync("steel-watch", "steel OR aluminium", "aluminium too");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var versions = await _console.Host.WithDbAsync(db => db.RuleVersions.Where(v => v.RuleName == "steel-watch").OrderBy(v => v.Version).ToListAsync());
        Assert.Equal([("steel", "watch steel"), ("steel OR aluminium", "aluminium too")], versions.Select(v => (v.Query, v.Reason!)));
        Assert.Matches("^web:admin/[0-9A-F]{8}$", versions[1].Author);
        var edit = await _console.Host.WithDbAsync(db => db.AuditLog.SingleAsync(e => e.Action == AuditAction.RuleEdit));
        Assert.Equal((versions[1].Author, "steel", "steel OR aluminium"), (edit.Actor, edit.Before, edit.After));
        Assert.Contains("Saved rule steel-watch as version 2", await _console.GetPageAsync(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task A_query_with_a_syntax_error_is_not_saved_and_the_form_shows_where()
    {
        await _console.SignInAsync();

        var response = await SaveAsync("steel-watch", "steel AND (", "try");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches("Line 1, column \\d+: ", await response.Content.ReadAsStringAsync());
        Assert.False(await _console.Host.WithDbAsync(db => db.Rules.AnyAsync(r => r.Name == "steel-watch")));
    }

    [Fact]
    public async Task Reverting_stores_the_old_text_as_a_new_version_with_the_prefilled_reason()
    {
        await _console.SignInAsync();
        await SaveAsync("steel-watch", "steel", "watch steel");
        await SaveAsync("steel-watch", "steel OR aluminium", "aluminium too");

        var response = await _console.PostAsync("/admin/rules/steel-watch", "/admin/rules/steel-watch?handler=Revert",
            new() { ["version"] = "1", ["Reason"] = "revert to version 1" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var latest = await _console.Host.WithDbAsync(db => db.RuleVersions.Where(v => v.RuleName == "steel-watch").OrderBy(v => v.Version).LastAsync());
        Assert.Equal((3, RuleChange.Reverted, "steel", "revert to version 1"), (latest.Version, latest.Change, latest.Query, latest.Reason));
        Assert.Equal("steel", (await _console.Host.WithDbAsync(db => db.Rules.SingleAsync(r => r.Name == "steel-watch"))).Query);
        Assert.Equal(1, await _console.Host.WithDbAsync(db => db.AuditLog.CountAsync(e => e.Action == AuditAction.RuleRevert)));
    }

    [Fact]
    public async Task The_diff_shows_lines_added_and_removed_since_a_version_in_words_too()
    {
        await _console.SignInAsync();
        await SaveAsync("steel-watch", "steel\nOR iron", "watch steel");
        await SaveAsync("steel-watch", "steel\nOR aluminium", "aluminium, not iron");

        var page = await _console.GetPageAsync("/admin/rules/steel-watch?diff=1");

        Assert.Contains("<span class=\"vh\">removed: </span><del>OR iron</del>", page);
        Assert.Contains("<span class=\"vh\">added: </span><ins>OR aluminium</ins>", page);
        Assert.Contains("Revert to version 1", page);
    }

    [Fact]
    public async Task The_backtest_counts_matches_per_day_and_marks_the_matching_terms_in_encoded_text()
    {
        await ConsoleSeed.AddStoryAsync(_console.Host, "US <b>steel</b> tariffs rise", "The duty on steel imports goes up.", 2);
        await ConsoleSeed.AddStoryAsync(_console.Host, "Steel tariff widened", "", 2.1);
        await ConsoleSeed.AddStoryAsync(_console.Host, "Weather in Lisbon", "", 1);
        await _console.SignInAsync();

        var response = await _console.PostAsync("/admin/rules/steel-watch", "/admin/rules/steel-watch?handler=Backtest", new() { ["Query"] = "steel AND tariff*" });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Would have matched <strong>2</strong> item(s) in the last 7 days", page);
        Assert.Contains("Backtest: matches per day: 2 matches", page);
        Assert.Contains("US &lt;b&gt;<mark>steel</mark>&lt;/b&gt; <mark>tariffs</mark> rise", page);
        Assert.False(await _console.Host.WithDbAsync(db => db.Rules.AnyAsync(r => r.Name == "steel-watch")));
    }

    [Fact]
    public async Task Backtests_past_the_per_person_query_limit_are_refused_as_chat_scans_are()
    {
        await using var console = await SignedInConsole.StartAsync(settings: new Dictionary<string, string> { ["Commands:QueriesPerUser"] = "1" });
        await console.SignInAsync();

        var first = await console.PostAsync("/admin/rules/steel-watch", "/admin/rules/steel-watch?handler=Backtest", new() { ["Query"] = "steel" });
        var second = await console.PostAsync("/admin/rules/steel-watch", "/admin/rules/steel-watch?handler=Backtest", new() { ["Query"] = "steel" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode));
        Assert.Contains("Slow down, try again in", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Removing_a_rule_needs_a_reason_and_keeps_its_history()
    {
        await _console.SignInAsync();
        await SaveAsync("steel-watch", "steel", "watch steel");

        var refused = await _console.PostAsync("/admin/rules/steel-watch", "/admin/rules/steel-watch?handler=Remove", new() { ["Reason"] = "" });
        var removed = await _console.PostAsync("/admin/rules/steel-watch", "/admin/rules/steel-watch?handler=Remove", new() { ["Reason"] = "no longer needed" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.Redirect), (refused.StatusCode, removed.StatusCode));
        Assert.False(await _console.Host.WithDbAsync(db => db.Rules.AnyAsync(r => r.Name == "steel-watch")));
        Assert.Contains("no longer needed", await _console.GetPageAsync("/admin/rules/steel-watch"));
    }

    private Task<HttpResponseMessage> SaveAsync(string name, string query, string reason) =>
        _console.PostAsync($"/admin/rules/{name}", $"/admin/rules/{name}?handler=Save", new() { ["Query"] = query, ["Reason"] = reason });

    private async Task<JsonElement> CheckAsync(string query)
    {
        var response = await _console.PostAsync("/admin/rules", "/admin/rules?handler=check", new() { ["query"] = query });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
