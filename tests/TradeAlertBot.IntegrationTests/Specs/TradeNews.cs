using TradeAlertBot.IntegrationTests.Fakes;

namespace TradeAlertBot.IntegrationTests.Specs;

/// <summary>Feed items the specs serve: two trade stories and one hard negative.</summary>
internal static class TradeNews
{
    public static readonly DateTimeOffset Published = new(2025, 4, 3, 9, 0, 0, TimeSpan.Zero);

    public static readonly Rss.Item Tariff = new("tariff-1",
        "US imposes 125% tariff on Chinese steel",
        "The United States will impose a 125% tariff on steel imports from China, effective April 9, the White House " +
        "said on Thursday. The duties cover $200 billion of goods and follow months of talks.", Published);

    public static readonly Rss.Item ExportControl = new("export-1",
        "Commerce adds 12 Chinese firms to the Entity List",
        "The US Commerce Department added 12 Chinese companies to the Entity List, imposing a licence requirement " +
        "on exports of US technology to them, citing support for military chip programmes.", Published);

    public static readonly Rss.Item Electricity = new("power-1",
        "Regulator approves higher electricity tariffs",
        "Household electricity tariffs will rise 7% from July after the energy regulator approved the utility's plan.", Published);

    /// <summary>The tariff story as a second outlet republished it (wire copy, new headline).</summary>
    public static readonly Rss.Item TariffRepublished = new("other-outlet-77",
        "US imposes 125% tariff on Chinese steel imports",
        "The United States will impose a 125% tariff on steel imports from China, effective April 9, the White House " +
        "said on Thursday. The duties cover $200 billion of goods and follow months of talks.", Published.AddHours(2));
}
