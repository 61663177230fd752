using System.Text.Json.Serialization;

namespace TradeAlertBot.Admin.Rules;

/// <summary>The editor's live check answer: <c>{"ok":true}</c> or <c>{"ok":false,"error":{"message","line","column"}}</c>.</summary>
public sealed record RuleCheck(
    bool Ok,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RuleCheck.Problem? Error)
{
    /// <summary>What is wrong, and where (1-based line and column of the offending token).</summary>
    public sealed record Problem(string Message, int Line, int Column);
}
