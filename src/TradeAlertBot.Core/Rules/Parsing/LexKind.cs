namespace TradeAlertBot.Core.Rules.Parsing;

internal enum LexKind
{
    Word,
    Phrase,
    LeftParen,
    RightParen,
    And,
    Or,
    Not,
    Near,
    Within,
    Same,
    AtLeast,
    FieldScope,
    CueList,
    End,
}
