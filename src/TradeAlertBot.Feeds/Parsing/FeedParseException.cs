namespace TradeAlertBot.Feeds.Parsing;

/// <summary>A document was refused by <see cref="FeedParser"/>; the message starts with "parse:" and says why.</summary>
public sealed class FeedParseException : Exception
{
    public FeedParseException(FeedParseErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public FeedParseErrorKind Kind { get; }
}
