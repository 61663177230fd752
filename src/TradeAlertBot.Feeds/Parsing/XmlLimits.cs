namespace TradeAlertBot.Feeds.Parsing;

/// <summary>What a feed document may hold before it is loaded: element nesting depth and item count.</summary>
internal readonly record struct XmlLimits(int MaxDepth, int MaxItems);
