using Microsoft.Extensions.Options;
using TradeAlertBot.Feeds.FederalRegister;

namespace TradeAlertBot.Commands.Shared;

/// <summary>
/// The recommended official sources (<c>sources</c>, <c>sources add NAME</c>): the Federal Register per trade agency,
/// built as <c>documents.json</c> searches under <c>Sources:FederalRegister:BaseUrl</c> (so they are read as the
/// API, public inspection included), and GOV.UK finder Atom feeds. Only publishers whose feed URL form is documented
/// are listed; EU and Canadian notice feeds are left out until one is.
/// </summary>
public sealed class SourceCatalog(IOptions<FederalRegisterOptions> options)
{
    private const string FederalRegisterOrigin =
        "Federal Register API search (documents.json) with the agency's slug, as federalregister.gov's search builds it";

    private const string GovUkOrigin =
        "GOV.UK finder search; every www.gov.uk/search/… page has an Atom feed at the same path with .atom";

    // Agency slugs as the Federal Register API names them (conditions[agencies][]).
    private static readonly (string Name, string Agency, string Slug, string Covers)[] Agencies =
    [
        ("fr-bis", "Bureau of Industry and Security (BIS)", "industry-and-security-bureau",
            "export controls: EAR rules, Entity List additions, licence policy"),
        ("fr-ita", "International Trade Administration (ITA)", "international-trade-administration",
            "antidumping and countervailing duty orders, reviews and scope rulings"),
        ("fr-ustr", "Office of the U.S. Trade Representative (USTR)", "trade-representative-office-of-united-states",
            "Section 301 actions, tariff exclusions, trade agreement notices"),
        ("fr-cbp", "U.S. Customs and Border Protection (CBP)", "u-s-customs-and-border-protection",
            "customs rules and notices: entry, origin, withhold release orders"),
        ("fr-ofac", "Office of Foreign Assets Control (OFAC)", "foreign-assets-control-office",
            "sanctions regulations and program changes"),
        ("fr-usitc", "U.S. International Trade Commission (USITC)", "international-trade-commission",
            "AD/CVD injury investigations, Section 337 and safeguard proceedings"),
    ];

    public IReadOnlyList<CatalogSource> All => [.. FederalRegister(), .. GovUk()];

    /// <summary>The source called <paramref name="name"/> (any case), or null.</summary>
    public CatalogSource? Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    private IEnumerable<CatalogSource> FederalRegister() =>
        Agencies.Select(a => new CatalogSource(
            a.Name,
            "Federal Register: " + a.Agency,
            a.Covers + "; documents on public inspection the day before",
            new Uri(options.Value.BaseUrl, FederalRegisterSource.SearchPath + "?conditions%5Bagencies%5D%5B%5D=" + a.Slug),
            FederalRegisterOrigin));

    private static IEnumerable<CatalogSource> GovUk() =>
    [
        new(
            "govuk-dbt-news",
            "GOV.UK: Department for Business and Trade news",
            "UK trade news, tariff and trade remedy announcements, sanctions and export licensing notices",
            new Uri("https://www.gov.uk/search/news-and-communications.atom?organisations%5B%5D=department-for-business-and-trade"),
            GovUkOrigin),
        new(
            "govuk-dbt-policy",
            "GOV.UK: Department for Business and Trade policy papers and consultations",
            "UK trade policy papers and open consultations",
            new Uri("https://www.gov.uk/search/policy-papers-and-consultations.atom?organisations%5B%5D=department-for-business-and-trade"),
            GovUkOrigin),
    ];
}
