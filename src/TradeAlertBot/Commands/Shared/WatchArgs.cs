using System.Text;
using TradeAlertBot.Core.Commands;
using TradeAlertBot.Core.Watching;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// <c>hs:CODE [product:"NAME"] [country:XX] [label text]</c> as a watch-list entry: values may be quoted (straight or
/// curly quotes, as Slack and Teams may send them); words that are not a term make the label.
/// </summary>
public static class WatchArgs
{
    /// <exception cref="UsageException">An unknown term or an entry that does not validate.</exception>
    public static WatchEntry Parse(string rest)
    {
        string? hs = null, product = null, country = null;
        var label = new List<string>();
        foreach (var (key, value) in Tokens(rest))
        {
            switch (key)
            {
                case "hs":
                    hs = value;
                    break;
                case "product":
                    product = value;
                    break;
                case "country":
                    country = value;
                    break;
                case "label" or "":
                    label.Add(value);
                    break;
                default:
                    throw new UsageException($"`{ChatText.Clip(key, 20)}:` is not a watch term; use hs:CODE, product:\"NAME\", country:XX and a label (quote it if it holds a colon).");
            }
        }

        var input = WatchEntryInput.Parse(hs, product, country, label.Count == 0 ? null : string.Join(' ', label));
        return input.Entry ?? throw new UsageException(input.Error!);
    }

    // Splits on spaces outside quotes; "key:value" gives (key, value), a quoted or plain word ("", word).
    private static IEnumerable<(string Key, string Value)> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var key = "";
            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (i < text.Length && i > start && text[i] == ':')
            {
                key = text[start..i].ToLowerInvariant();
                i++;
            }
            else
            {
                i = start;
            }

            yield return (key, Word(text, ref i));
        }
    }

    private static string Word(string text, ref int i)
    {
        var value = new StringBuilder();
        if (i < text.Length && IsQuote(text[i]))
        {
            i++;
            while (i < text.Length && !IsQuote(text[i]))
            {
                value.Append(text[i++]);
            }

            i++; // the closing quote, if any
            return value.ToString();
        }

        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            value.Append(text[i++]);
        }

        return value.ToString();
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”';
}
