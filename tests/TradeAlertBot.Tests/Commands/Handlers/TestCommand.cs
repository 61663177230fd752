using TradeAlertBot.Audit;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Tests.Commands.Handlers;

/// <summary>Commands and a channel as handler tests use them.</summary>
public static class TestCommand
{
    public static readonly CommandContext Channel = new("slack", "slack", "T1/C1", "U1", "T1");

    public static Command Parse(string text) => Assert.IsType<Command>(CommandParser.Parse(text));

    /// <summary>The audit log on the handler's context, as the handler's scope would give it.</summary>
    public static AuditLog AuditOn(TradeAlertDbContext db, TimeProvider? time = null) => new(db, time ?? TimeProvider.System);

    public static string Plain(this CommandReply reply) => PlainReplyText.Render(reply);
}
