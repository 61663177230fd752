using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using TradeAlertBot.Commands;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Tests.Commands.Handlers;

namespace TradeAlertBot.Tests.Commands;

public sealed class CommandJobTests : IAsyncLifetime
{
    private static readonly CommandContext Teams = new("teams", "teams", "19:conv", "aad-1", "tenant-1");
    private static readonly ReplyTarget Activity = new("https://smba.example/", "19:conv", "act-1");

    private readonly Mock<IChatReplier> _slack = Replier("slack");
    private readonly Mock<IChatReplier> _teams = Replier("teams");
    private CommandTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CommandTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_answer_goes_back_through_the_platform_the_command_came_from()
    {
        await Job().RunAsync(new CommandRequest(Teams, "help", Activity), CancellationToken.None);

        _teams.Verify(r => r.ReplyAsync(Teams, Activity, It.Is<CommandReply>(c => c.Plain().StartsWith("help answered")), It.IsAny<CancellationToken>()), Times.Once);
        _slack.Verify(r => r.ReplyAsync(It.IsAny<CommandContext>(), It.IsAny<ReplyTarget>(), It.IsAny<CommandReply>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_click_runs_the_command_the_button_stands_for()
    {
        await Job().RunAsync(CommandRequest.Click(Teams, ChatActions.MoreLikeThis, "42", Activity), CancellationToken.None);

        _teams.Verify(r => r.ReplyAsync(Teams, Activity, It.Is<CommandReply>(c => c.Plain() == "similar answered"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_click_that_stands_for_no_command_is_not_answered()
    {
        await Job().RunAsync(CommandRequest.Click(Teams, "launch_missiles", "now", Activity), CancellationToken.None);

        _teams.Verify(r => r.ReplyAsync(It.IsAny<CommandContext>(), It.IsAny<ReplyTarget>(), It.IsAny<CommandReply>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private CommandJob Job()
    {
        var handlers = CommandCatalog.Routed.Select(spec =>
        {
            var handler = new Mock<ICommandHandler>();
            handler.SetupGet(h => h.Spec).Returns(spec);
            handler.Setup(h => h.HandleAsync(It.IsAny<Command>(), It.IsAny<CommandContext>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(CommandReply.Say(spec.Name + " answered"));
            return handler.Object;
        });
        var router = new CommandRouter(
            handlers, _database.Open(), new AdminDirectory(Options.Create(new Slack.SlackOptions()), Options.Create(new Teams.TeamsOptions())),
            new QueryLimiter(Options.Create(new QueryOptions())), NullLogger<CommandRouter>.Instance);
        return new CommandJob(router, [_slack.Object, _teams.Object], NullLogger<CommandJob>.Instance);
    }

    private static Mock<IChatReplier> Replier(string platform)
    {
        var replier = new Mock<IChatReplier>();
        replier.SetupGet(r => r.Platform).Returns(platform);
        return replier;
    }
}
