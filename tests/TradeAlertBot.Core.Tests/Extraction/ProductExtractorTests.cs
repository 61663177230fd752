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
    [InlineData("goods under HS 8541 and", "8541", "HS 8541")]
    [InlineData("HS code 8542.31 covers", "854231", "HS 8542.31")]
    [InlineData("steel of heading 7208", "7208", "HS 7208")]
    [InlineData("HTS 9903.88.15", "99038815", "HS 9903.88.15")]
    public void Written_hs_codes_are_extracted_as_digits(string text, string code, string name)
    {
        var product = Assert.Single(ProductExtractor.Extract(text), p => p.HsCode is not null);

        Assert.Equal(code, product.HsCode);
        Assert.Equal(name, product.Name);
    }

    [Theory]
    [InlineData("solar cells", "solar panels")]
    [InlineData("Solar-Cells", "solar panels")]
    [InlineData("EVs", "EVs")]
    public void A_typed_product_gets_its_canonical_name(string typed, string name)
    {
        Assert.Equal(name, ProductExtractor.CanonicalName(typed));
    }

    [Fact]
    public void A_product_outside_the_lexicon_has_no_canonical_name()
    {
        Assert.Null(ProductExtractor.CanonicalName("garden gnomes"));
    }
}
