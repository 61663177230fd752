namespace TradeAlertBot.Core.Tests.Items;

/// <summary>Hand-written story pairs: the same story by different outlets, and different stories on one topic.</summary>
public static class StoryPairs
{
    public sealed record Story(string Title, string Body);

    public static readonly TheoryData<string, Story, Story> Same = new()
    {
        { "us-china-125", new("US raises tariffs on Chinese goods to 125%", "The United States raised tariffs on imports from China to 125% on Wednesday, the White House said, escalating a trade war that has rattled markets."),
                          new("Washington hikes China tariffs to 125% as trade war escalates", "Tariffs on Chinese imports rose to 125% after Washington raised them again on Wednesday, escalating the trade war, according to the White House.") },
        { "gallium", new("China restricts exports of gallium and germanium", "China will require export licences for gallium and germanium from August 1, the commerce ministry said, tightening its grip on metals used in chips."),
                     new("Beijing to require licences for gallium, germanium exports", "Exporters of gallium and germanium will need licences from August 1, China's commerce ministry said, in a move to control metals used in semiconductors.") },
        { "entity-list", new("Commerce adds 140 entities to the Entity List", "The US Commerce Department added 140 Chinese companies to the Entity List, barring them from receiving American technology without a licence."),
                         new("US blacklists 140 Chinese firms in chip crackdown", "The Commerce Department put 140 Chinese companies on its Entity List on Monday, meaning US suppliers need a licence to ship technology to them.") },
        { "mercosur", new("EU and Mercosur conclude free trade negotiations", "The European Union and the Mercosur bloc concluded negotiations on a free trade agreement after 25 years of talks, creating a market of 780 million people."),
                      new("EU-Mercosur trade deal sealed after 25 years", "After a quarter century of talks, the EU and South America's Mercosur bloc sealed a free trade agreement covering 780 million people.") },
        { "ev-duties", new("EU slaps duties on Chinese electric vehicles", "The European Commission will impose additional duties of up to 35.3% on electric vehicles made in China from October 30."),
                       new("Brussels imposes up to 35.3% duties on China-made EVs", "Electric vehicles made in China will face extra duties of up to 35.3% from October 30 after the European Commission approved them.") },
        { "uk-us-deal", new("UK and US agree trade deal cutting car tariffs", "Britain and the United States agreed a trade deal that cuts US tariffs on British cars to 10% within a quota of 100,000 vehicles."),
                        new("Britain, US strike deal: car tariffs cut to 10%", "US tariffs on British cars will be cut to 10% for a quota of 100,000 vehicles under a trade deal Britain and the United States agreed.") },
        { "de-minimis", new("De minimis exemption for small parcels to end", "The duty-free de minimis exemption for parcels worth under $800 will end for shipments from China and Hong Kong on May 2."),
                        new("US closes de minimis loophole for Chinese parcels from May 2", "Parcels under $800 from China and Hong Kong will lose their duty-free de minimis exemption on May 2, ending a loophole used by Shein and Temu.") },
        { "solar-ad", new("Commerce sets anti-dumping duties on Asian solar cells", "The Commerce Department set final anti-dumping duties of up to 271% on solar cells from Cambodia, Malaysia, Thailand and Vietnam."),
                      new("US finalises duties of up to 271% on Southeast Asian solar imports", "Solar cells from Cambodia, Malaysia, Thailand and Vietnam face anti-dumping duties of up to 271% after the Commerce Department's final ruling.") },
        { "antimony", new("China curbs antimony sales abroad", "Beijing said sales of antimony and superhard materials abroad will need approval from September 15, citing national security."),
                      new("Beijing to restrict antimony exports from September 15", "China will restrict exports of antimony and superhard materials from September 15 on national security grounds, the commerce ministry said.") },
        { "canada-retaliation", new("Canada announces retaliatory measures on US goods", "Ottawa said it would apply 25% counter-tariffs on C$30 billion of American products, including orange juice, whiskey and appliances."),
                                new("Canada hits back with 25% tariffs on C$30 billion of US goods", "Canada will put 25% counter-tariffs on C$30 billion worth of American goods such as orange juice, whiskey and appliances, Ottawa said.") },
        { "sdn-refinery", new("Treasury sanctions Chinese refinery over Iranian oil", "The US Treasury imposed sanctions on a Chinese independent refinery for buying Iranian crude oil, adding it to the SDN list."),
                          new("US sanctions China refinery buying Iran crude", "A Chinese independent refinery that bought Iranian crude oil was hit with US Treasury sanctions and added to the SDN list.") },
        { "india-cotton", new("India waives levy on cotton imports until September", "India waived the 11% import duty on cotton until September 30 to ease raw material costs for its textile industry."),
                          new("India scraps 11% cotton import duty until Sept 30", "The 11% duty on cotton imports has been waived by India until September 30 to help its textile industry with raw material costs.") },
    };

    public static readonly TheoryData<string, Story, Story> Different = new()
    {
        { "steel-vs-evs", new("US raises tariffs on Chinese steel to 50%", "The United States raised tariffs on steel imports from China to 50% on Monday, the White House said."),
                          new("US raises tariffs on Chinese EVs to 100%", "The United States raised tariffs on electric vehicles from China to 100% on Tuesday, the White House said, citing overcapacity.") },
        { "exclusion-extension-vs-new", new("USTR extends exclusions for 178 Chinese products", "USTR extended exclusions from Section 301 tariffs for 178 products, including medical equipment, until August 31."),
                                        new("USTR grants new exclusions for solar machinery", "USTR granted 14 new exclusions from Section 301 tariffs for solar wafer manufacturing machinery, effective immediately.") },
        { "same-pair-later", new("Canada imposes 25% tariffs on US steel", "Canada imposed 25% tariffs on American steel products worth C$12 billion on Thursday."),
                             new("Canada drops tariffs on US steel after deal", "Canada removed its tariffs on American steel after the two countries reached an agreement on quotas, Ottawa said.") },
        { "gallium-vs-graphite", new("China restricts exports of gallium and germanium", "China will require export licences for gallium and germanium from August 1, the commerce ministry said."),
                                 new("China tightens graphite export rules", "China will require export permits for some graphite products from December 1, the commerce ministry said, citing national security.") },
        { "entity-list-vs-unverified", new("Commerce adds 140 Chinese firms to the Entity List", "The Commerce Department added 140 Chinese companies to the Entity List over support for military chip programmes."),
                                       new("Commerce removes 9 firms from Unverified List", "The Commerce Department removed nine companies in India and Turkey from its Unverified List after end-use checks were completed.") },
        { "eu-ev-vs-eu-steel", new("EU slaps duties on Chinese electric vehicles", "The European Commission will impose additional duties of up to 35.3% on electric vehicles made in China."),
                               new("EU opens safeguard review on steel imports", "The European Commission opened a review of its steel safeguard quotas, which expire next year, after complaints from steelmakers.") },
        { "russia-17-vs-18", new("EU adopts 17th package of sanctions on Russia", "The European Union adopted its 17th package of sanctions on Russia, targeting nearly 200 shadow-fleet tankers."),
                             new("EU proposes lower oil price cap in 18th Russia package", "The European Commission proposed lowering the cap on Russian oil to $45 a barrel in an 18th sanctions package aimed at banks.") },
        { "uk-deal-vs-india-deal", new("UK and US agree trade deal cutting car tariffs", "Britain and the United States agreed a trade deal that cuts US tariffs on British cars to 10%."),
                                   new("India and UK sign trade agreement on whisky", "India and Britain signed a trade agreement that will lower duties on Scotch whisky to 75% and then 40% over ten years.") },
        { "japan-vs-korea", new("Japan and US reach framework agreement", "Tokyo and Washington reached a framework agreement under which Japan will invest $550 billion and face a 15% rate."),
                            new("South Korea and US agree $350 billion investment deal", "Seoul and Washington agreed that South Korea will invest $350 billion in US shipbuilding and other industries in exchange for a 15% rate.") },
        { "solar-ad-vs-shrimp", new("Commerce sets anti-dumping duties on Asian solar cells", "The Commerce Department set final anti-dumping duties of up to 271% on solar cells from Cambodia and Vietnam."),
                                new("Commerce sets anti-dumping duties on Vietnamese shrimp", "The Commerce Department set preliminary anti-dumping duties of 2.8% on frozen shrimp from Vietnam and India.") },
        { "mexico-cars-vs-turkey-cars", new("Mexico to levy 50% on Asian car imports", "Mexico plans duties of up to 50% on cars imported from countries without a trade agreement, including China."),
                                        new("Turkey imposes extra 40% duty on Chinese cars", "Turkey will impose an additional 40% duty on vehicles imported from China, with a minimum of $7,000 per car.") },
        { "pause-vs-hike", new("US pauses higher tariffs for 90 days", "The United States paused higher country-specific tariffs for 90 days, keeping a 10% baseline while talks continue."),
                           new("US raises baseline tariff to 15% for most partners", "The United States raised its baseline tariff to 15% for most trading partners on Friday, ending weeks of negotiations.") },
    };
}
