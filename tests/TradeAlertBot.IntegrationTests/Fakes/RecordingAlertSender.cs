using System.Collections.Concurrent;
using TradeAlertBot.Core.Alerts;

namespace TradeAlertBot.IntegrationTests.Fakes;

/// <summary>An alert sender of kind "test" that records what it was asked to post, update and reply in threads.</summary>
internal sealed class RecordingAlertSender : IAlertSender, IThreadedAlertSender
{
    public string Kind => "test";

    public ConcurrentQueue<(string Address, Alert Alert)> Sent { get; } = new();

    public ConcurrentQueue<(string MessageId, Alert Alert)> Updated { get; } = new();

    /// <summary>While set, every post fails with this (e.g. a dropped connection) and nothing is recorded.</summary>
    public Exception? FailWith { get; set; }

    public Task<string> SendAsync(string address, Alert alert, CancellationToken ct)
    {
        if (FailWith is { } error)
        {
            return Task.FromException<string>(error);
        }

        Sent.Enqueue((address, alert));
        return Task.FromResult($"msg-{alert.StoryId}-{address}");
    }

    public ConcurrentQueue<(string Address, IReadOnlyList<Alert> Alerts)> Digests { get; } = new();

    public Task<string> SendDigestAsync(string address, IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        Digests.Enqueue((address, alerts));
        return Task.FromResult($"digest-{address}-{Digests.Count}");
    }

    public Task UpdateAsync(string address, string messageId, Alert alert, CancellationToken ct)
    {
        Updated.Enqueue((messageId, alert));
        return Task.CompletedTask;
    }

    public ConcurrentQueue<(string MessageId, string Text)> Replies { get; } = new();

    public Task EditAsync(string address, string messageId, Alert alert, CancellationToken ct)
    {
        Updated.Enqueue((messageId, alert));
        return Task.CompletedTask;
    }

    public Task<string> ReplyAsync(string address, string messageId, string text, CancellationToken ct)
    {
        Replies.Enqueue((messageId, text));
        return Task.FromResult($"{messageId}-reply-{Replies.Count}");
    }
}
