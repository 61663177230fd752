using System.CommandLine;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Audit;
using TradeAlertBot.Hosting;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.Teams;
using TradeAlertBot.Endpoints.Teams;

namespace TradeAlertBot.Cli;

/// <summary>
/// <c>teams pack</c>: the app package Teams accepts (manifest with its placeholders filled, and the two icons, at
/// the zip's root). <c>teams webhook add URL RULE…</c>: a Workflows-webhook destination for teams without the bot.
/// </summary>
internal static class TeamsCommand
{
    public static Command Create(CliConsole console)
    {
        var appId = new Option<string?>("--app-id") { Description = "The Microsoft App ID (default: the Teams:AppId setting)." };
        var host = new Option<string>("--host") { Description = "The host name TradeAlertBot is reached at, e.g. alerts.example.com.", Required = true };
        var developer = new Option<string>("--developer") { Description = "Your organisation's name.", DefaultValueFactory = _ => "TradeAlertBot operator" };
        var from = new Option<string>("--from") { Description = "Folder with manifest.json, color.png and outline.png.", DefaultValueFactory = _ => Path.Combine("deploy", "teams") };
        var output = new Option<string>("--out") { Description = "The zip to write.", DefaultValueFactory = _ => "tradealertbot-teams.zip" };
        var pack = new Command("pack", "Build the Teams app package (zip) from deploy/teams.") { appId, host, developer, from, output };
        pack.SetAction(result => Pack(
            result.GetValue(appId) ?? console.Configuration.GetSection(TeamsOptions.SectionName).Get<TeamsOptions>()?.AppId, result.GetRequiredValue(host), result.GetRequiredValue(developer),
            result.GetRequiredValue(from), result.GetRequiredValue(output), console));

        var url = new Argument<string>("URL") { Description = "The Workflows webhook URL (https)." };
        var rules = new Argument<string[]>("RULE") { Description = "Categories or rules to subscribe it to.", Arity = ArgumentArity.OneOrMore };
        var add = new Command("add", "Send alerts for these rules to a Teams Workflows webhook.") { url, rules };
        add.SetAction((result, ct) => AddWebhookAsync(result.GetRequiredValue(url), result.GetRequiredValue(rules), console, ct));
        var webhook = new Command("webhook", "Teams Workflows webhook destinations.") { add };

        return new Command("teams", "Microsoft Teams: app package and webhook destinations.") { pack, webhook };
    }

    private static int Pack(string? appId, string host, string developer, string from, string output, CliConsole console)
    {
        if (string.IsNullOrWhiteSpace(appId) || !Guid.TryParse(appId, out _))
        {
            console.Error.WriteLine("teams: give the Microsoft App ID (a GUID) with --app-id or the Teams:AppId setting");
            return 2;
        }

        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            console.Error.WriteLine($"teams: '{host}' is not a host name");
            return 2;
        }

        var files = new[] { "manifest.json", "color.png", "outline.png" }.Select(f => Path.Combine(from, f)).ToList();
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            console.Error.WriteLine($"teams: {missing} not found");
            return 2;
        }

        var manifest = File.ReadAllText(files[0])
            .Replace("{{TEAMS_APP_ID}}", appId, StringComparison.Ordinal)
            .Replace("{{HOST}}", host, StringComparison.Ordinal)
            .Replace("{{DEVELOPER_NAME}}", System.Text.Json.JsonEncodedText.Encode(developer).ToString(), StringComparison.Ordinal);
        using (var zip = ZipFile.Open(output, ZipArchiveMode.Create))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open()))
            {
                writer.Write(manifest);
            }

            foreach (var icon in files.Skip(1))
            {
                zip.CreateEntryFromFile(icon, Path.GetFileName(icon));
            }
        }

        console.Out.WriteLine($"teams: wrote {output}; upload it in Teams (Apps → Manage your apps → Upload a custom app)");
        return 0;
    }

    private static async Task<int> AddWebhookAsync(string url, string[] rules, CliConsole console, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            console.Error.WriteLine("teams: the webhook URL must be an absolute https URL");
            return 2;
        }

        await using var db = await console.OpenDatabaseAsync(ct);
        var known = await db.Rules.Select(r => r.Name).ToListAsync(ct);
        if (rules.FirstOrDefault(r => !known.Contains(r.ToLowerInvariant())) is { } unknown)
        {
            console.Error.WriteLine($"teams: no category or rule '{unknown}' (known: {string.Join(", ", known)})");
            return 2;
        }

        var address = WebhookSecrets.AddressOf(uri.AbsoluteUri);
        if (await db.Destinations.AnyAsync(d => d.Kind == WebhookSecrets.Kind && d.Address == address, ct))
        {
            console.Error.WriteLine("teams: that webhook is a destination already");
            return 1;
        }

        var destination = new WebhookSecrets(SecretProtection.Create(console.Configuration)).NewDestination(uri.AbsoluteUri, "Teams Workflows webhook");
        destination.Subscriptions = [.. rules.Select(r => new Subscription { RuleName = r.ToLowerInvariant() })];
        db.Destinations.Add(destination);
        var audit = new AuditLog(db, console.Time);
        foreach (var subscription in destination.Subscriptions)
        {
            audit.Stage(AuditActor.Cli, AuditAction.Subscribe, AuditTargets.Destination(destination), null, AuditTargets.Subscription(subscription));
        }

        await db.SaveChangesAsync(ct);
        console.Out.WriteLine($"teams: webhook {address} added for {string.Join(", ", rules)} (its URL is stored encrypted)");
        return 0;
    }
}
