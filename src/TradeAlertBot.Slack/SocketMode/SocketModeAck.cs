using System.Text;
using System.Text.Json.Nodes;

namespace TradeAlertBot.Slack.SocketMode;

/// <summary>
/// The acknowledgement Slack needs for every envelope, within 3 seconds
/// (https://api.slack.com/apis/socket-mode#acknowledge): <c>{"envelope_id":…}</c>, plus <c>"payload"</c> when the
/// envelope accepted a response payload (a slash command's reply message).
/// </summary>
public sealed record SocketModeAck(string EnvelopeId, JsonObject? Payload)
{
    public byte[] ToUtf8Json()
    {
        var ack = new JsonObject { ["envelope_id"] = EnvelopeId };
        if (Payload is not null)
        {
            // A node can have only one parent; the handler may hand back a node it keeps.
            ack["payload"] = Payload.DeepClone();
        }

        return Encoding.UTF8.GetBytes(ack.ToJsonString());
    }
}
