using System.ComponentModel.DataAnnotations;

namespace TradeAlertBot.Web;

/// <summary>The <c>Web</c> settings of the public alert page.</summary>
public sealed class EventStreamOptions
{
    public const string SectionName = "Web";

    /// <summary>Open /events streams at once, all clients together; more answer 503 (each holds a connection and a subscriber queue).</summary>
    [Range(0, 100_000)]
    public int MaxEventStreams { get; set; } = 100;
}
