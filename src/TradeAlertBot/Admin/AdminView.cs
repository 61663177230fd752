using TradeAlertBot.Commands.Shared;

namespace TradeAlertBot.Admin;

/// <summary>
/// One rendering of the admin page beyond the stored data: the status line after a redirect, a refused form shown
/// again with its values and error, and a rule test's outcome.
/// </summary>
public sealed record AdminView
{
    public string? Message { get; init; }

    public bool MessageIsError { get; init; }

    /// <summary>The refused feed form: the URL as typed and why.</summary>
    public (string Url, string Error)? FeedError { get; init; }

    /// <summary>The refused rule form: <c>Form</c> is "add" or the name of the rule being edited.</summary>
    public (string Form, string Name, string Query, string Error)? RuleError { get; init; }

    public string? TestQuery { get; init; }

    public BacktestResult? TestResult { get; init; }

    public string? TestError { get; init; }
}
