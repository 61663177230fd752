namespace TradeAlertBot.Core.Rules.Matching;

[Flags]
internal enum FieldMask
{
    None = 0,
    Title = 1,
    Body = 2,
    Both = Title | Body,
}
