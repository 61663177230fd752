using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Watching;

/// <summary>
/// A watch-list entry as someone typed it (chat, a CSV row, a web form), checked once: the HS code normalised to
/// digits, the product to its lexicon name, the country to a known ISO code. <see cref="Error"/> says what is wrong
/// in plain words; <see cref="Entry"/> is set only when nothing is.
/// </summary>
public sealed record WatchEntryInput(WatchEntry? Entry, string? Error)
{
    public const int MaxLabelLength = 100;

    public static WatchEntryInput Parse(string? hs, string? product, string? country, string? label)
    {
        hs = Blank(hs);
        product = Blank(product);
        country = Blank(country);
        label = Blank(label);
        if (hs is null && product is null && country is null)
        {
            return Fail("Give an HS code (hs:8541.43), a product (product:\"solar cells\") or a country (country:CN).");
        }

        string? code = null;
        if (hs is not null && (code = HsCode.Normalize(hs)) is null)
        {
            return Fail($"\"{Clip(hs)}\" is not an HS code: give 2, 4, 6, 8 or 10 digits, dots allowed (85, 8541, 8541.43, 8541.43.00).");
        }

        string? name = null;
        if (product is not null && (name = ProductExtractor.CanonicalName(product)) is null)
        {
            return Fail($"\"{Clip(product)}\" is not a product the bot recognises in news; give an HS code instead, or one of: {string.Join(", ", ProductExtractor.KnownNames.Take(20))}, ….");
        }

        string? iso = null;
        if (country is not null)
        {
            iso = country.ToUpperInvariant();
            if (iso.Length != 2 || !CountryExtractor.IsKnown(iso))
            {
                return Fail($"\"{Clip(country)}\" is not a country the bot knows: give its two-letter ISO code (CN, VN, DE; EU for the European Union).");
            }
        }

        if (label is { Length: > MaxLabelLength })
        {
            return Fail($"The label is longer than {MaxLabelLength} characters.");
        }

        return new WatchEntryInput(new WatchEntry(code, name, iso, label), null);
    }

    private static WatchEntryInput Fail(string error) => new(null, error);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
