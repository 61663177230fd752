using TradeAlertBot.Commands.Handlers;
using TradeAlertBot.Storage.Entities;
using static TradeAlertBot.Tests.Commands.Handlers.TestCommand;

namespace TradeAlertBot.Tests.Commands.Handlers;

public sealed class LatestHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero);
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Latest_with_a_country_lists_only_stories_naming_that_country_however_old()
    {
        await using (var db = _database.Open())
        {
            db.Stories.Add(NewStory("Old China story", Now.AddDays(-30), [], "CN", "US"));
            // More stories without China than the old in-memory scan read: the filter must run in the database.
            for (var n = 0; n < 400; n++)
            {
                db.Stories.Add(NewStory($"Vietnam story {n}", Now.AddMinutes(-n), [], "VN"));
            }

            await db.SaveChangesAsync();
        }

        await using var read = _database.Open();
        var reply = (await new LatestHandler(read).HandleAsync(Parse("latest cn"), Channel, CancellationToken.None)).Plain();

        Assert.Contains("Latest in CN", reply);
        Assert.Contains("Old China story", reply);
        Assert.DoesNotContain("Vietnam", reply);
    }

    [Fact]
    public async Task Latest_with_a_category_and_a_country_lists_stories_that_have_both()
    {
        await using (var db = _database.Open())
        {
            db.Rules.Add(new WatchRule { Name = "new-tariffs", Query = "tariff*", IsCategory = true });
            db.Stories.AddRange(
                NewStory("Tariffs on Chinese steel", Now.AddHours(-1), ["new-tariffs"], "CN"),
                NewStory("Chinese export controls", Now.AddHours(-2), ["export-controls"], "CN"),
                NewStory("Tariffs on Vietnamese shoes", Now.AddHours(-3), ["new-tariffs"], "VN"));
            await db.SaveChangesAsync();
        }

        await using var read = _database.Open();
        var reply = (await new LatestHandler(read).HandleAsync(Parse("latest new-tariffs CN"), Channel, CancellationToken.None)).Plain();

        Assert.Contains("Tariffs on Chinese steel", reply);
        Assert.DoesNotContain("export controls", reply);
        Assert.DoesNotContain("Vietnamese", reply);
    }

    [Fact]
    public async Task Latest_with_a_country_no_story_names_says_so()
    {
        await using (var db = _database.Open())
        {
            db.Stories.Add(NewStory("Vietnam story", Now, [], "VN"));
            await db.SaveChangesAsync();
        }

        await using var read = _database.Open();
        var reply = (await new LatestHandler(read).HandleAsync(Parse("latest JP"), Channel, CancellationToken.None)).Plain();

        Assert.Equal("No alerts yet for that filter.", reply.Trim());
    }

    private static Story NewStory(string title, DateTimeOffset seen, List<string> categories, params string[] countries) => new()
    {
        Fingerprint = title, Title = title, Source = "example.com", Summary = "s", Categories = categories,
        Countries = [.. countries], FirstSeenAt = seen, LastSeenAt = seen,
    };
}
