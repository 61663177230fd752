using TradeAlertBot.Storage.Entities;

namespace TradeAlertBot.Commands.Shared;

/// <summary>What adding a feed came to; <see cref="Message"/> is the wording chat, the admin page and the CLI all show.</summary>
public abstract record FeedAddResult
{
    public abstract string Message { get; }

    /// <summary>Staged for the caller's save. <c>Note</c> is empty, or says (starting with a space) why the address may not work.</summary>
    public sealed record Added(Feed Feed, string Note) : FeedAddResult
    {
        public override string Message => $"Added feed {Feed.Id}: {Core.Text.ShownUrl.Redacted(Feed.Url)}. It is polled within a minute.{Note}";
    }

    public sealed record Duplicate : FeedAddResult
    {
        public override string Message => "That feed is watched already (see `feeds`).";
    }

    /// <summary>Not an http(s) URL, or an address the SSRF guard refuses; nothing is staged.</summary>
    public sealed record Refused(string Reason) : FeedAddResult
    {
        public override string Message => Reason;
    }
}
