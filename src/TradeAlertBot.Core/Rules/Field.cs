namespace TradeAlertBot.Core.Rules;

/// <summary>The part of an item a match was found in.</summary>
public enum Field
{
    Title,
    Body,
}
