using System.Text.RegularExpressions;
using TradeAlertBot.Core.Commands;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// The words of the <c>rule …</c> commands: a rule name, a query kept as typed, and an optional trailing
/// <c>--reason TEXT</c> (quotes optional) that the rule's version history keeps.
/// </summary>
public static partial class RuleArguments
{
    public const int MaxReasonLength = 500;

    /// <summary>Rule names: lowercase letters, digits and dashes, up to 64.</summary>
    /// <exception cref="UsageException">The name is not one.</exception>
    public static void RequireName(string name)
    {
        if (!RuleName().IsMatch(name))
        {
            throw new UsageException($"`{ChatText.Clip(name, 60)}` is not a rule name: use lowercase letters, digits and dashes (up to 64).");
        }

        if (name == Core.Routing.SubscriptionFilter.WatchListRule)
        {
            throw new UsageException("`watchlist` names each channel's watch list (`subscribe watchlist`); give the rule another name.");
        }
    }

    /// <summary><c>NAME QUERY [--reason TEXT]</c> of <c>rule add</c> and <c>rule edit</c>: the query keeps its spacing as typed.</summary>
    /// <exception cref="UsageException">The name or query is missing, the name is not a rule name, or the reason is empty.</exception>
    public static (string Name, string Query, string? Reason) NameAndQuery(Command command)
    {
        var (text, reason) = SplitReason(command.Rest);
        var words = Words(text);
        if (words.Length < 2)
        {
            throw new UsageException("Give a rule name and a query.");
        }

        var name = words[0].ToLowerInvariant();
        RequireName(name);
        var query = text[(text.IndexOf(words[0], StringComparison.Ordinal) + words[0].Length)..].Trim();
        return (name, query, reason);
    }

    /// <summary>The words before an optional <c>--reason TEXT</c>, and the reason.</summary>
    /// <exception cref="UsageException"><c>--reason</c> is given without text, or with too much.</exception>
    public static (string[] Words, string? Reason) WordsAndReason(Command command)
    {
        var (text, reason) = SplitReason(command.Rest);
        return (Words(text), reason);
    }

    private static (string Text, string? Reason) SplitReason(string rest)
    {
        var match = ReasonFlag().Match(rest);
        if (!match.Success)
        {
            return (rest, null);
        }

        // Slack and Teams clients may turn typed quotes into typographic ones.
        var reason = match.Groups["reason"].Value.Trim().Trim('"', '“', '”', '\'', '‘', '’').Trim();
        if (reason.Length == 0)
        {
            throw new UsageException("Say why after `--reason`, e.g. `--reason \"catch duty changes too\"`.");
        }

        if (reason.Length > MaxReasonLength)
        {
            throw new UsageException($"Keep the reason under {MaxReasonLength} characters.");
        }

        return (rest[..match.Index], reason);
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex RuleName();

    [GeneratedRegex(@"(?:^|\s)--reason(?:\s+(?<reason>.*))?\s*$", RegexOptions.Singleline)]
    private static partial Regex ReasonFlag();
}
