namespace TradeAlertBot.Storage.Entities;

/// <summary>The one length limit of stored error texts (the LastError columns), applied where they are recorded.</summary>
public static class ErrorText
{
    public const int MaxLength = 2000;

    public static string? Clip(string? error) => error is { Length: > MaxLength } ? error[..MaxLength] : error;
}
