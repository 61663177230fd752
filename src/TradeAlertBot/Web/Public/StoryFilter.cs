namespace TradeAlertBot.Web.Public;

/// <summary>
/// What the public page is asked to show, as cleaned up from its query string: unknown shapes are dropped rather
/// than refused, and the search text is trimmed and capped so no request can make the search expensive.
/// </summary>
public sealed record StoryFilter(string? Category, string? Country, string? Search, long? Before)
{
    public const int MaxSearchLength = 100;

    public static StoryFilter From(string? category, string? country, string? search, long? before)
    {
        var term = search?.Trim();
        if (term is { Length: > MaxSearchLength })
        {
            term = term[..MaxSearchLength];
        }

        var code = country?.Trim().ToUpperInvariant();
        return new(
            string.IsNullOrWhiteSpace(category) ? null : category.Trim()[..Math.Min(category.Trim().Length, 100)],
            code is { Length: 2 } && code.All(char.IsAsciiLetterUpper) ? code : null,
            string.IsNullOrEmpty(term) ? null : term,
            before > 0 ? before : null);
    }

    public bool Narrowed => Category is not null || Country is not null || Search is not null;
}
