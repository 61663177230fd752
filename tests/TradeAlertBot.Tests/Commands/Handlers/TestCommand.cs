using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Tests.Commands.Handlers;

/// <summary>Commands and a channel as handler tests use them.</summary>
public static class TestCommand
{
    public static readonly CommandContext Channel = new("slack", "slack", "T1/C1", "U1", "T1");

    public static Command Parse(string text) => Assert.IsType<Command>(CommandParser.Parse(text));

    public static string Plain(this CommandReply reply) => PlainReplyText.Render(reply);
}
