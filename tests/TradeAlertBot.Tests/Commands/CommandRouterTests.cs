using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using TradeAlertBot.Commands;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Rules;
using TradeAlertBot.Tests.Commands.Handlers;

namespace TradeAlertBot.Tests.Commands;

public sealed class CommandRouterTests : IAsyncLifetime
{
    private static readonly CommandContext Member = new("slack", "slack", "T1/C1", "U-MEMBER", "T1");
    private static readonly CommandContext Admin = Member with { UserId = "U-ADMIN" };

    private readonly Dictionary<string, Mock<ICommandHandler>> _handlers = CommandCatalog.Routed.ToDictionary(s => s.Name, Handler);
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_typed_command_reaches_the_handler_of_its_spec_with_its_arguments_parsed_once()
    {
        var reply = await RunAsync(Member, "subscribe new-tariffs country:VN");

        Assert.Equal("subscribe done", PlainReplyText.Render(reply));
        _handlers["subscribe"].Verify(h => h.HandleAsync(
            It.Is<Command>(c => c.Args.SequenceEqual(new[] { "new-tariffs", "country:VN" }) && c.Rest == "new-tariffs country:VN"),
            Member, It.IsAny<CancellationToken>()), Times.Once);
        Assert.All(_handlers.Where(h => h.Key != "subscribe"), h => h.Value.VerifyNoOtherCalls());
    }

    [Fact]
    public async Task An_admin_command_from_someone_not_an_admin_is_refused_and_never_reaches_its_handler()
    {
        var reply = PlainReplyText.Render(await RunAsync(Member, "feed add https://example.com/feed.xml"));

        Assert.Contains("feed add is for admins only", reply);
        _handlers["feed add"].VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_admin_named_in_settings_for_the_workspace_runs_admin_commands()
    {
        await RunAsync(Admin, "rule remove steel");

        _handlers["rule remove"].Verify(h => h.HandleAsync(It.IsAny<Command>(), Admin, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_same_user_id_in_another_workspace_is_not_an_admin()
    {
        await RunAsync(Admin with { TeamId = "T2", Address = "T2/C1" }, "rule remove steel");

        _handlers["rule remove"].VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("subscibe new-tariffs", "I don't know subscibe. Did you mean subscribe?")]
    [InlineData("xyzzy", "I don't know xyzzy. Try help for the list of commands.")]
    public async Task An_unknown_verb_is_answered_with_the_closest_command_or_help(string text, string expected)
    {
        var reply = PlainReplyText.Render(await RunAsync(Member, text));

        Assert.StartsWith(expected, reply);
        Assert.All(_handlers.Values, h => h.VerifyNoOtherCalls());
    }

    [Fact]
    public async Task A_usage_error_is_answered_with_its_message_and_the_usage_line()
    {
        _handlers["mute"].Setup(h => h.HandleAsync(It.IsAny<Command>(), It.IsAny<CommandContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UsageException("Say how long, e.g. `mute 2h`."));

        var reply = await RunAsync(Member, "mute forever");

        Assert.Equal("Say how long, e.g. mute 2h.\nUsage: mute 2h|30m|1d|off", PlainReplyText.Render(reply));
        Assert.Contains(reply.Blocks[0].Spans, s => s is ReplySpan.Code { Value: "mute 2h" });
    }

    [Fact]
    public async Task A_rule_syntax_error_is_answered_with_where_it_is_and_the_usage_line()
    {
        _handlers["search"].Setup(h => h.HandleAsync(It.IsAny<Command>(), It.IsAny<CommandContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RuleSyntaxException(1, 7, "AND needs a term on its right"));

        var reply = PlainReplyText.Render(await RunAsync(Member, "search steel AND"));

        Assert.StartsWith("That query has a syntax error:", reply);
        Assert.EndsWith("Usage: search QUERY", reply);
    }

    [Fact]
    public async Task Scans_past_the_users_rate_are_refused_but_paging_through_results_is_not()
    {
        var router = Router(queriesPerUser: 1);
        var page = ChatActions.ToCommand(ChatActions.SearchMore, "5|steel")!;

        await router.RunAsync(Member, "search steel", CancellationToken.None);
        var second = PlainReplyText.Render(await router.RunAsync(Member, "search steel", CancellationToken.None));
        await router.RunAsync(Member, page, CancellationToken.None);

        Assert.StartsWith("Slow down", second);
        _handlers["search"].Verify(h => h.HandleAsync(It.IsAny<Command>(), Member, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public void A_spec_without_a_handler_stops_the_router_from_being_built()
    {
        _handlers.Remove("digest");

        var error = Assert.Throws<InvalidOperationException>(() => Router());

        Assert.Contains("none for: digest", error.Message);
    }

    [Fact]
    public void Two_handlers_for_one_spec_stop_the_router_from_being_built()
    {
        _handlers["help twice"] = Handler(CommandCatalog.Named("help"));

        var error = Assert.Throws<InvalidOperationException>(() => Router());

        Assert.Contains("two for: help", error.Message);
    }

    [Theory]
    [InlineData("watch add hs:8541.43 country:CN solar cells", "watch add")]
    [InlineData("watch remove 1", "watch remove")]
    [InlineData("watch list", "watch list")]
    [InlineData("subscribe watchlist", "subscribe")]
    public async Task Watch_list_commands_are_open_to_every_member_like_subscribe(string text, string verb)
    {
        var reply = await RunAsync(Member, text);

        Assert.Equal(verb + " done", PlainReplyText.Render(reply));
        _handlers[verb].Verify(h => h.HandleAsync(It.IsAny<Command>(), Member, It.IsAny<CancellationToken>()), Times.Once);
    }

    private static Mock<ICommandHandler> Handler(CommandSpec spec)
    {
        var handler = new Mock<ICommandHandler>();
        handler.SetupGet(h => h.Spec).Returns(spec);
        handler.Setup(h => h.HandleAsync(It.IsAny<Command>(), It.IsAny<CommandContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(CommandReply.Say(spec.Name + " done"));
        return handler;
    }

    private Task<CommandReply> RunAsync(CommandContext context, string text) => Router().RunAsync(context, text, CancellationToken.None);

    private CommandRouter Router(int queriesPerUser = 5)
    {
        var admins = new AdminDirectory(Options.Create(new Slack.SlackOptions { Admins = ["T1:U-ADMIN"] }), Options.Create(new Teams.TeamsOptions()));
        var limiter = new QueryLimiter(Options.Create(new QueryOptions { QueriesPerUser = queriesPerUser }));
        var router = new CommandRouter(_handlers.Values.Select(h => h.Object), _database.Open(), admins, limiter, NullLogger<CommandRouter>.Instance);
        foreach (var handler in _handlers.Values)
        {
            handler.Invocations.Clear(); // reading Spec while indexing is not a call under test
        }

        return router;
    }
}
