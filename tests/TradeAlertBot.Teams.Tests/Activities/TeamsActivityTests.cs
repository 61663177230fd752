using System.Text.Json;
using TradeAlertBot.Teams.Activities;

namespace TradeAlertBot.Teams.Tests.Activities;

public sealed class TeamsActivityTests
{
    private static TeamsActivity Parse(string json) => TeamsActivity.Parse(JsonDocument.Parse(json).RootElement)!;

    [Fact]
    public void The_user_is_the_aad_object_id_and_never_from_id()
    {
        var withoutAad = Parse("""{"type":"message","serviceUrl":"https://s/","conversation":{"id":"c"},"from":{"id":"22222222-2222-2222-2222-222222222222"}}""");
        var withAad = Parse("""{"type":"message","serviceUrl":"https://s/","conversation":{"id":"c","tenantId":"t1"},"from":{"id":"29:x","aadObjectId":"a1"}}""");

        Assert.Null(withoutAad.UserId);
        Assert.Equal(("a1", "t1"), (withAad.UserId, withAad.TenantId));
    }

    [Fact]
    public void A_mentioned_user_becomes_their_aad_object_id_in_the_command_text()
    {
        var activity = Parse("""
            {"type":"message","serviceUrl":"https://s/","conversation":{"id":"c"},"recipient":{"id":"28:bot"},
             "text":"<at>TradeAlertBot</at> admin add <at>Maria Lopez</at>",
             "entities":[{"type":"mention","text":"<at>TradeAlertBot</at>","mentioned":{"id":"28:bot","name":"TradeAlertBot"}},
                         {"type":"mention","text":"<at>Maria Lopez</at>","mentioned":{"id":"29:m","name":"Maria Lopez","aadObjectId":"3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b"}}]}
            """);

        Assert.Equal("admin add  3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b", activity.CommandText);
    }

    [Fact]
    public void A_name_typed_as_a_mention_without_an_entity_names_nobody()
    {
        var activity = Parse("""
            {"type":"message","serviceUrl":"https://s/","conversation":{"id":"c"},"recipient":{"id":"28:bot"},
             "text":"<at>TradeAlertBot</at> admin add <at>3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b</at>"}
            """);

        Assert.Equal("admin add", activity.CommandText);
    }
}
