using TradeAlertBot.Core.Rules.Matching;

namespace TradeAlertBot.Core.Rules.Nodes;

/// <summary>A node of a parsed rule. ToString() prints canonical rule text that parses back to an equal tree.</summary>
public abstract class Node
{
    /// <summary>Builds the matcher for this node, registering its terms in the shared table.</summary>
    internal abstract Matcher Compile(TermTable terms);
}
