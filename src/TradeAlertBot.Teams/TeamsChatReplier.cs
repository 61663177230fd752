using TradeAlertBot.Core.Alerts;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Teams.Cards;
using TradeAlertBot.Teams.Connector;

namespace TradeAlertBot.Teams;

/// <summary>Answers in Teams: a reply to the command's activity in its conversation (a new message when there is no activity id).</summary>
public sealed class TeamsChatReplier(IBotConnector connector) : IChatReplier
{
    public string Platform => DestinationKind.Teams;

    public Task ReplyAsync(CommandContext context, ReplyTarget target, CommandReply reply, CancellationToken ct)
    {
        var serviceUrl = target.Url ?? throw new InvalidOperationException("teams: a reply needs the service URL");
        var conversation = target.Conversation ?? context.Address;
        return target.MessageId is { } replyTo
            ? connector.ReplyToActivityAsync(serviceUrl, conversation, replyTo, TeamsReplies.ToActivity(reply), ct)
            : connector.SendToConversationAsync(serviceUrl, conversation, TeamsReplies.ToActivity(reply), ct);
    }
}
