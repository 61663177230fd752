using TradeAlertBot.Core.Rules.Matching;

namespace TradeAlertBot.Core.Rules.Nodes;

/// <summary><c>ATLEAST3 tariff</c>: the term occurs at least <see cref="Count"/> times.</summary>
public sealed class AtLeastNode(int count, TermNode term) : Node
{
    public int Count { get; } = count;
    public TermNode Term { get; } = term;

    public override string ToString() => $"ATLEAST{Count} {Term}";

    internal override Matcher Compile(TermTable terms) => new AtLeastMatcher(terms.Add(Term), Count);
}
