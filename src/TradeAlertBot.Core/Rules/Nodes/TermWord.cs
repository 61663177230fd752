namespace TradeAlertBot.Core.Rules.Nodes;

/// <summary>One folded word of a term; a prefix word (<c>licen*</c>) matches any word starting with it.</summary>
public readonly record struct TermWord(string Text, bool IsPrefix)
{
    public override string ToString() => IsPrefix ? Text + "*" : Text;
}
