using TradeAlertBot.Core.Text;

namespace TradeAlertBot.Core.Tests.Text;

public class TokenizerTests
{
    [Theory]
    [InlineData("Tariffs on Chinese steel", "tariffs|on|chinese|steel")]
    [InlineData("China's export licences", "china|export|licences")]
    [InlineData("China\u2019s curbs", "china|curbs")]
    [InlineData("U.S. duties rise", "us|duties|rise")]
    [InlineData("anti-dumping duty", "anti|dumping|duty")]
    [InlineData("Zölle auf Stahl: Café", "zolle|auf|stahl|cafe")]
    [InlineData("a 2.5% rate on $1,000", "a|2.5|rate|on|1,000")]
    public void Tokens_are_folded_words(string text, string expected)
    {
        var words = string.Join('|', Tokenizer.Tokenize(text).Select(t => t.Text));

        Assert.Equal(expected, words);
    }

    [Fact]
    public void Offsets_point_into_the_source()
    {
        const string text = "The U.S. raised tariffs.";
        var tokens = Tokenizer.Tokenize(text);

        Assert.Equal("U.S.", text[tokens[1].Start..tokens[1].End]);
        Assert.Equal("tariffs", text[tokens[3].Start..tokens[3].End]);
        Assert.Equal([0, 1, 2, 3], tokens.Select(t => t.Position));
    }

    [Fact]
    public void Sentences_are_numbered_but_initialisms_do_not_end_them()
    {
        var tokens = Tokenizer.Tokenize("The U.S. raised tariffs. Beijing responded! Mr. Li spoke.\n\nNew paragraph");

        Assert.Equal([0, 0, 0, 0, 1, 1, 2, 2, 2, 3, 3], tokens.Select(t => t.Sentence));
    }
}
