namespace TradeAlertBot.Feeds.Parsing;

/// <summary>Why a document could not be read as a feed.</summary>
public enum FeedParseErrorKind
{
    /// <summary>The document has no bytes, or only whitespace.</summary>
    Empty,

    /// <summary>The document is larger than the parser accepts.</summary>
    TooLarge,

    /// <summary>The encoding named by the XML declaration is unknown.</summary>
    UnknownEncoding,

    /// <summary>The bytes are not valid in the encoding their byte order mark announces.</summary>
    InvalidEncoding,

    /// <summary>Well-formed or not, the document is something else: an HTML page, JSON, another XML vocabulary.</summary>
    NotAFeed,

    /// <summary>The document ends before it is complete (a cut-off download).</summary>
    Truncated,

    /// <summary>The document uses an external entity declared in its DTD (XXE); refused, never resolved.</summary>
    ExternalEntity,

    /// <summary>The document uses an internal entity declared in its DTD (entity expansion); refused, never expanded.</summary>
    EntityExpansion,

    /// <summary>The document is not well-formed XML for another reason.</summary>
    InvalidXml,

    /// <summary>Elements nest deeper than <c>Feeds:MaxXmlDepth</c>; refused before it is loaded.</summary>
    TooDeep,

    /// <summary>The document holds more items than <c>Feeds:MaxItemsPerDocument</c>; refused before it is loaded.</summary>
    TooManyItems,

    /// <summary>Parsing and classifying took longer than <c>Feeds:ParseTimeout</c>.</summary>
    TimedOut,
}
