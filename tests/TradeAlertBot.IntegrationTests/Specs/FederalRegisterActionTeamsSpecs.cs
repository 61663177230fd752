using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Deliveries.Threads;
using TradeAlertBot.Jobs;
using TradeAlertBot.Storage.Entities;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// The same BIS rule in a Teams channel: the channel subscribes and adds the BIS source by chat, the card is posted on
/// public inspection, updated on publication, and the publication and the reminder are replies to it.
/// </summary>
public sealed class FederalRegisterActionTeamsSpecs : IAsyncLifetime
{
    private const string AppId = "6f0c2d7e-3333-4c3b-9a55-0123456789ab";
    private const string Conversation = "19:exports@thread.tacv2";
    private const string Tenant = "tenant-1";
    private readonly string _database = TradeAlertBotFactory.NewDatabasePath();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private FakeFederalRegister _api = null!;
    private FakeBotIdentity _identity = null!;
    private FakeBotConnector _connector = null!;
    private TradeAlertBotFactory _host = null!;
    private int _activities;

    public async Task InitializeAsync()
    {
        _api = await FakeFederalRegister.StartAsync();
        _identity = await FakeBotIdentity.StartAsync(AppId, "app-secret");
        _connector = await FakeBotConnector.StartAsync();
        _host = new TradeAlertBotFactory(_database, settings: new Dictionary<string, string>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "app-secret",
            ["Teams:OpenIdMetadataUrl"] = _identity.OpenIdMetadataUrl.AbsoluteUri,
            ["Teams:Authority"] = _identity.Authority().AbsoluteUri,
            ["Teams:Admins"] = $"{Tenant}:aad-admin",
            ["Sources:FederalRegister:BaseUrl"] = _api.BaseUrl.AbsoluteUri,
            ["Sources:FederalRegister:RequestsPerSecond"] = "20",
        }, services: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddHttpClient(Teams.TeamsOptions.AuthHttpClientName).ConfigurePrimaryHttpMessageHandler(_identity.CreateTrustingHandler);
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
        await _identity.DisposeAsync();
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private async Task SayAsync(string text, string user)
    {
        var activity = new
        {
            type = "message",
            id = $"act-{++_activities}",
            channelId = "msteams",
            serviceUrl = _connector.ServiceUrl,
            conversation = new { id = Conversation, conversationType = "channel", tenantId = Tenant },
            recipient = new { id = "28:" + AppId },
            from = new { id = "29:" + user, aadObjectId = user },
            text = "<at>TradeAlertBot</at> " + text,
            channelData = new { tenant = new { id = Tenant } },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _identity.MintToken(AppId, serviceUrl: _connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().SendAsync(request)).StatusCode);
    }

    private async Task PollAsync()
    {
        await Scenario.MakeFeedsDueAsync(_host);
        await _host.RunJobAsync<DispatchFeedsJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitForQuietAsync();
        await _host.WaitForJobsAsync();
    }

    // Lets a few seconds pass at a time, as the minute's sweep would find them: a thread reply right after the alert's
    // update waits for the destination's send slot, which frees one interval (on the host's clock) after the update.
    private Task SettleAsync(Func<Storage.TradeAlertDbContext, Task<bool>> condition) => _host.WaitUntilAsync(async db =>
    {
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _host.RunJobAsync<ThreadReplyJob>(job => job.RunAsync(CancellationToken.None));
        return await condition(db);
    });

    private Task<int> SentRepliesAsync() =>
        _host.WithDbAsync(db => db.ThreadReplies.CountAsync(r => r.State == DeliveryState.Sent && r.Delivery!.Destination!.Kind == "teams"));

    private FakeBotActivity Card() => Assert.Single(_connector.Activities(Conversation), a => a.Activity["type"]?.GetValue<string>() == "message"
        && a.ReplyToId is null);

    private List<string> Replies(FakeBotActivity card) =>
        [.. _connector.Activities(Conversation).Where(a => a.ReplyToId == card.Id).Select(a => a.Activity["text"]!.GetValue<string>())];

    [Fact]
    public async Task A_bis_rule_is_one_card_from_public_inspection_updated_on_publication_with_the_publication_and_the_reminder_as_replies()
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var (publication, effective) = (today.AddDays(1), today.AddDays(31));
        await SayAsync("subscribe export-controls", "aad-user");
        await SayAsync("sources add fr-bis", "aad-admin");
        await _host.WaitUntilAsync(async db => await db.Subscriptions.AnyAsync(s => s.RuleName == "export-controls" && s.Destination!.Kind == "teams")
            && await db.Feeds.AnyAsync(f => f.Title == "Federal Register: Bureau of Industry and Security (BIS)"));

        _api.PutOnPublicInspection(BisRule.OnPublicInspection(publication));
        await PollAsync();
        var card = Card();
        Assert.Contains("AdaptiveCard", card.Activity.ToJsonString());
        Assert.Contains(BisRule.Title, card.Activity.ToJsonString());
        Assert.Contains($"to be published on {BisRule.Day(publication)}", card.Activity.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        _clock.SetUtcNow(new DateTimeOffset(publication, new TimeOnly(5, 0), TimeSpan.Zero));
        _api.Publish(BisRule.Published(publication, effective));
        await PollAsync();
        await SettleAsync(async db => await SentRepliesAsync() == 1 && await db.Deliveries.AllAsync(d => d.RevisionShown == d.Story!.Revision));
        card = Card();
        Assert.Equal(2, card.Version); // posted on public inspection, updated on publication
        Assert.Contains(BisRule.Day(effective), card.Activity.ToJsonString());

        _clock.SetUtcNow(new DateTimeOffset(effective.AddDays(-1), new TimeOnly(9, 0), TimeSpan.Zero));
        await _host.RunJobAsync<ThreadReplyJob>(job => job.RunAsync(CancellationToken.None));
        await PollAsync();
        await _host.RunJobAsync<ThreadReplyJob>(job => job.RunAsync(CancellationToken.None));
        await _host.WaitForJobsAsync();

        card = Card();
        Assert.Equal(2, card.Version);
        Assert.Equal(
            [$"Published in the Federal Register on {BisRule.Day(publication)}, effective {BisRule.Day(effective)}.",
             $"Reminder: takes effect in 1 day ({BisRule.Day(effective)})."],
            Replies(card));

        ThreadArtifacts.Write("thread-teams", new JsonArray([.. _connector.Activities(Conversation)
            .Where(a => a.Id == card.Id || a.ReplyToId == card.Id)
            .Select(a => (JsonNode)new JsonObject
            {
                ["id"] = a.Id,
                ["replyToId"] = a.ReplyToId,
                ["version"] = a.Version,
                ["activity"] = a.Activity.DeepClone(),
            })]));
    }
}
