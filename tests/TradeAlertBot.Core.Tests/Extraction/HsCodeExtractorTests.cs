using TradeAlertBot.Core.Extraction;

namespace TradeAlertBot.Core.Tests.Extraction;

public class HsCodeExtractorTests
{
    private static string[] Codes(string text) => [.. HsCodeExtractor.Extract(text).Select(c => c.Code)];

    [Theory]
    [InlineData("solar cells of HTS subheading 8541.43 from China", "854143")]
    [InlineData("cells classified under 8541.43.00 will pay", "85414300")]
    [InlineData("entries under 8541.43.0010 must declare", "8541430010")]
    [InlineData("imports of HS 854143 rose", "854143")]
    [InlineData("HTSUS 8541430010 is listed", "8541430010")]
    [InlineData("goods of heading 8541 are covered", "8541")]
    [InlineData("goods of subheading 8541.43 are covered", "854143")]
    [InlineData("tariff item 8541.43.00 is removed", "85414300")]
    [InlineData("tariff code 854143 applies", "854143")]
    [InlineData("the new duty applies to products of Chapter 85", "85")]
    [InlineData("tariffs on goods of chapter 3 rise", "03")]
    [InlineData("HS No. 8541.43 applies", "854143")]
    public void Usual_forms_are_found_as_digits(string text, string code)
    {
        Assert.Equal([code], Codes(text));
    }

    [Theory]
    [InlineData("HTS subheadings 8541.43, 8541.49 and 8542.31 are covered", new[] { "854143", "854149", "854231" })]
    [InlineData("duties on goods in chapters 84 and 85", new[] { "84", "85" })]
    [InlineData("HS 854143 or 854149 apply", new[] { "854143", "854149" })]
    public void Lists_after_a_tariff_word_give_every_code(string text, string[] codes)
    {
        Assert.Equal(codes, Codes(text));
    }

    [Theory]
    [InlineData("tariffs will rise in 2025 on 1 April")]
    [InlineData("the index closed at 5074.08 on Friday")]
    [InlineData("a deal worth $1234.56 million")]
    [InlineData("imports were worth 854143 dollars")]
    [InlineData("call the trade desk on 202 482 4000 or 2024824000")]
    [InlineData("docket number 2025-01234 and FR Doc. 2025-01234 Filed")]
    [InlineData("amending 15 CFR 744 and 15 CFR part 744.21")]
    [InlineData("the tariff rose to 1250.50 percent")]
    [InlineData("the steelmaker filed for Chapter 11 bankruptcy after tariffs hit imports")]
    [InlineData("a panel under Chapter 10 of the USMCA ruled on duties")]
    [InlineData("heading into 2026 the tariffs remain")]
    [InlineData("Chapter 85 of the novel")]
    public void Numbers_that_are_not_tariff_codes_are_left_alone(string text)
    {
        Assert.Empty(Codes(text));
    }

    [Fact]
    public void Codes_come_in_the_order_written_with_the_text_as_written()
    {
        var found = HsCodeExtractor.Extract("Cells (8541.42.00.10) and modules (HS 8541.43) from Chapter 85 goods").ToList();

        Assert.Equal(["8541420010", "854143", "85"], found.Select(f => f.Code));
        Assert.Equal("8541.42.00.10", found[0].Text);
    }
}
