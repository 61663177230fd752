using System.Globalization;
using TradeAlertBot.TestFakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>
/// One BIS export-control rule as the fake Federal Register serves it: on public inspection the day before it is
/// published, then published with an effective date a month later and an abstract that names HTS 8541.43.00.
/// </summary>
internal static class BisRule
{
    public const string Number = "2026-24680";
    public const string Title = "Additions to the Entity List; Photovoltaic Cell Manufacturers";

    private const string Abstract = "In this final rule, the Bureau of Industry and Security (BIS) amends the Export Administration " +
        "Regulations (EAR) by adding nine entities under destinations of China to the Entity List and imposes a license requirement " +
        "on exports to them of crystalline silicon photovoltaic cells classified under HTSUS subheading 8541.43.00.";

    public static FakeFrDocument OnPublicInspection(DateOnly publication) =>
        new(Number, "Rule", Title, publication, [FakeFrDocument.Bis]) { DocketIds = ["BIS-2026-0107"] };

    public static FakeFrDocument Published(DateOnly publication, DateOnly effective) =>
        OnPublicInspection(publication) with { Abstract = Abstract, EffectiveOn = effective, CfrReferences = [(15, 744)] };

    /// <summary>A date as alerts and thread replies write it: "2 Jan 2027".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
