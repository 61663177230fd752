using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Core.Tests.Commands;

public sealed class ChatActionsTests
{
    [Fact]
    public void The_more_button_under_search_results_asks_for_the_next_page_of_the_same_query()
    {
        var button = ChatActions.NextPage(5, "steel AND \"safeguard duty\"");

        var command = ChatActions.ToCommand(button.ActionId, button.Value)!;

        Assert.Equal(("search", 5, "steel AND \"safeguard duty\""), (command.Spec.Name, command.Offset, command.Rest));
    }

    [Fact]
    public void Mute_rule_unsubscribes_from_the_rule_named_by_the_button()
    {
        var command = ChatActions.ToCommand(ChatActions.MuteRule, "new-tariffs")!;

        Assert.Equal("unsubscribe", command.Spec.Name);
        Assert.Equal(["new-tariffs"], command.Args);
    }

    [Fact]
    public void More_like_this_asks_for_alerts_like_the_story_on_the_button()
    {
        var command = ChatActions.ToCommand(ChatActions.MoreLikeThis, "42")!;

        Assert.Same(CommandCatalog.Similar, command.Spec);
        Assert.Equal(["42"], command.Args);
    }

    [Theory]
    [InlineData(ChatActions.MoreLikeThis, "not-a-story")]
    [InlineData(ChatActions.MuteRule, " ")]
    [InlineData(ChatActions.SearchMore, "steel")]
    [InlineData(ChatActions.SearchMore, "-5|steel")]
    [InlineData(ChatActions.OpenArticle, "")]
    [InlineData("launch_missiles", "now")]
    public void A_click_with_an_unknown_action_or_a_malformed_value_stands_for_no_command(string actionId, string value) =>
        Assert.Null(ChatActions.ToCommand(actionId, value));

    [Fact]
    public void The_button_only_command_is_routed_but_neither_listed_in_help_nor_typed()
    {
        Assert.Contains(CommandCatalog.Similar, CommandCatalog.Routed);
        Assert.DoesNotContain(CommandCatalog.Similar, CommandCatalog.All);
        Assert.IsType<ParsedCommand.Unknown>(CommandParser.Parse("similar 42"));
    }

    [Theory]
    [InlineData(ChatActions.MuteRule, "rule")]
    [InlineData(ChatActions.MoreLikeThis, "storyId")]
    [InlineData(ChatActions.SearchMore, "value")]
    public void Teams_card_data_carries_each_value_under_its_own_name(string actionId, string key) =>
        Assert.Equal(key, ChatActions.DataKey(actionId));
}
