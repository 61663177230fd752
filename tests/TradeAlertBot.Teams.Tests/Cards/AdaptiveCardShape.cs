using System.Text.Json.Nodes;

namespace TradeAlertBot.Teams.Tests.Cards;

/// <summary>Structural checks of the Adaptive Card 1.5 subset the renderer uses (https://adaptivecards.io/explorer).</summary>
internal static class AdaptiveCardShape
{
    private static readonly string[] ElementTypes = ["TextBlock", "FactSet"];
    private static readonly string[] ActionTypes = ["Action.OpenUrl", "Action.Submit"];

    public static void AssertValid(JsonObject card)
    {
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card["$schema"]!.GetValue<string>());

        var body = card["body"]!.AsArray();
        Assert.NotEmpty(body);
        foreach (var element in body.Select(e => e!.AsObject()))
        {
            var type = element["type"]!.GetValue<string>();
            Assert.Contains(type, ElementTypes);
            if (type == "TextBlock")
            {
                Assert.False(string.IsNullOrWhiteSpace(element["text"]!.GetValue<string>()));
            }
            else
            {
                var facts = element["facts"]!.AsArray();
                Assert.NotEmpty(facts);
                Assert.All(facts, f =>
                {
                    Assert.False(string.IsNullOrEmpty(f!["title"]!.GetValue<string>()));
                    Assert.False(string.IsNullOrEmpty(f["value"]!.GetValue<string>()));
                });
            }
        }

        foreach (var action in card["actions"]!.AsArray().Select(a => a!.AsObject()))
        {
            var type = action["type"]!.GetValue<string>();
            Assert.Contains(type, ActionTypes);
            Assert.False(string.IsNullOrEmpty(action["title"]!.GetValue<string>()));
            if (type == "Action.OpenUrl")
            {
                var url = new Uri(action["url"]!.GetValue<string>(), UriKind.Absolute);
                Assert.Contains(url.Scheme, new[] { "http", "https" });
            }
            else
            {
                Assert.IsType<JsonObject>(action["data"]);
            }
        }
    }

    /// <summary>All the text a reader sees: TextBlocks and fact titles/values.</summary>
    public static IEnumerable<string> Texts(JsonObject card) =>
        card["body"]!.AsArray().SelectMany(e => e!["type"]!.GetValue<string>() == "FactSet"
            ? e["facts"]!.AsArray().SelectMany(f => new[] { f!["title"]!.GetValue<string>(), f["value"]!.GetValue<string>() })
            : [e["text"]!.GetValue<string>()]);
}
