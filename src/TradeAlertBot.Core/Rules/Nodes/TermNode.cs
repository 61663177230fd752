using TradeAlertBot.Core.Rules.Matching;

namespace TradeAlertBot.Core.Rules.Nodes;

/// <summary>
/// A word, a wildcard (<c>licen*</c>) or a phrase (<c>"export licen*"</c>): a sequence of consecutive words, each
/// matched exactly or as a prefix. A written word that the tokenizer splits (<c>anti-dumping</c>) is a phrase.
/// </summary>
public sealed class TermNode(IReadOnlyList<TermWord> words) : Node
{
    public IReadOnlyList<TermWord> Words { get; } = words;

    /// <summary>Canonical key: equal terms share one entry in the term table.</summary>
    public string Key => string.Join(' ', Words);

    public override string ToString() => Words.Count == 1 ? Words[0].ToString() : $"\"{Key}\"";

    internal override Matcher Compile(TermTable terms) => new TermMatcher(terms.Add(this));
}
