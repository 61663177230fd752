using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Tests.Extraction;

public class ProductExtractorTests
{
    [Theory]
    [InlineData("exports of rare earths", "rare earths")]
    [InlineData("rare-earth magnets", "rare earths")]
    [InlineData("gallium and", "gallium")]
    [InlineData("advanced chips", "semiconductors")]
    [InlineData("aluminum cans", "aluminium")]
    [InlineData("electric vehicles from China", "EVs")]
    [InlineData("solar cells", "solar panels")]
    [InlineData("soya exports", "soybeans")]
    [InlineData("Scotch whisky", "whisky")]
    public void Products_are_found_under_their_canonical_name(string text, string name)
    {
        Assert.Equal([name], ProductExtractor.Extract(text).Select(p => p.Name));
    }

    [Theory]
    [InlineData("goods under HS 8541 and", "8541")]
    [InlineData("HS code 8542.31 covers", "8542.31")]
    [InlineData("steel of heading 7208", "7208")]
    [InlineData("HTS 9903.88.15", "9903.88.15")]
    public void Written_hs_codes_are_extracted(string text, string code)
    {
        var product = Assert.Single(ProductExtractor.Extract(text), p => p.HsCode is not null);

        Assert.Equal(code, product.HsCode);
        Assert.Equal($"HS {code}", product.Name);
    }
}
