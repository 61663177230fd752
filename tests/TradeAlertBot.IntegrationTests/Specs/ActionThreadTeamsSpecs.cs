using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>One thread per trade action in Teams: the card is updated and the news are replies to its activity.</summary>
public sealed class ActionThreadTeamsSpecs : IAsyncLifetime
{
    private const string AppId = "6f0c2d7e-2222-4c3b-9a55-0123456789ab";
    private const string Conversation = "19:bis@thread.tacv2";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private FakeBotIdentity _identity = null!;
    private FakeBotConnector _connector = null!;
    private TradeAlertBotFactory _host = null!;

    public async Task InitializeAsync()
    {
        _identity = await FakeBotIdentity.StartAsync(AppId, "app-secret");
        _connector = await FakeBotConnector.StartAsync();
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "app-secret",
            ["Teams:OpenIdMetadataUrl"] = _identity.OpenIdMetadataUrl.AbsoluteUri,
            ["Teams:Authority"] = _identity.Authority().AbsoluteUri,
        }, services: s => s.AddHttpClient(Teams.TeamsOptions.AuthHttpClientName).ConfigurePrimaryHttpMessageHandler(_identity.CreateTrustingHandler));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private async Task PostAsync(object activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _identity.MintToken(AppId, serviceUrl: _connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().SendAsync(request)).StatusCode);
    }

    private Task SubscribeAsync() => PostAsync(new
    {
        type = "message",
        id = "act-subscribe",
        channelId = "msteams",
        serviceUrl = _connector.ServiceUrl,
        conversation = new { id = Conversation, conversationType = "channel", tenantId = "tenant-1" },
        recipient = new { id = "28:" + AppId },
        from = new { id = "29:user", aadObjectId = "aad-user" },
        text = "<at>TradeAlertBot</at> subscribe export-controls",
        channelData = new { tenant = new { id = "tenant-1" } },
    });

    private Task<int> SentNewsAsync() =>
        _host.WithDbAsync(db => db.ThreadReplies.CountAsync(r => !r.IsReminder && r.State == DeliveryState.Sent && r.Delivery!.Destination!.Kind == "teams"));

    [Fact]
    public async Task A_rule_on_public_inspection_then_published_then_corrected_is_one_card_updated_with_two_replies_to_it()
    {
        await SubscribeAsync();
        await _host.WaitUntilAsync(db => db.Subscriptions.AnyAsync(s => s.RuleName == "export-controls" && s.Destination!.Kind == "teams"));
        var feed = await Scenario.AddFeedAsync(_host, new Uri("https://www.federalregister.gov/api/v1/documents.json"), due: false);

        await OfficialDocuments.IngestAsync(_host, feed, OfficialDocuments.OnInspection);
        await _host.WaitUntilAsync(db => db.Deliveries.AnyAsync(d => d.Destination!.Kind == "teams" && d.State == DeliveryState.Sent));
        await OfficialDocuments.IngestAsync(_host, feed, OfficialDocuments.Published);
        await _host.WaitUntilAsync(async _ => await SentNewsAsync() == 1);
        await OfficialDocuments.IngestAsync(_host, feed, OfficialDocuments.Correction);
        await _host.WaitUntilAsync(async db => await SentNewsAsync() == 2 && await db.Deliveries.AllAsync(d => d.RevisionShown == d.Story!.Revision));
        await _host.WaitForJobsAsync();

        var activities = _connector.Activities(Conversation);
        var card = Assert.Single(activities, a => a.ReplyToId is null);
        Assert.Contains("AdaptiveCard", card.Activity.ToJsonString());
        Assert.Equal(3, card.Version); // posted, then updated for the publication and for the correction
        Assert.Contains("2 Jan 2027", card.Activity.ToJsonString());
        var replies = activities.Where(a => a.ReplyToId == card.Id).Select(a => a.Activity["text"]!.GetValue<string>()).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Contains("Published in the Federal Register on 3 Dec 2026, effective 2 Jan 2027.", replies[0]);
        Assert.Contains("Correction published on 10 Dec 2026", replies[1]);
    }
}
