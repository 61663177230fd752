namespace TradeAlertBot.Core.Rules.Parsing;

/// <summary>A token of rule text: its kind, text as written, number (NEAR/n, W/n, ATLEASTn) and position.</summary>
internal readonly record struct LexToken(LexKind Kind, string Text, int Number, int Line, int Column)
{
    public string Describe() => Kind switch
    {
        LexKind.End => "end of rule",
        LexKind.Phrase => $"\"{Text}\"",
        LexKind.Word => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}
