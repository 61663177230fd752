using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Core.Watching;

namespace TradeAlertBot.Tests.Commands.Shared;

public class WatchListCsvTests
{
    [Fact]
    public void Entries_survive_a_round_trip_including_quotes_commas_line_breaks_and_formula_like_labels()
    {
        WatchEntry[] entries =
        [
            new("854143", null, "CN", "solar cells, \"bifacial\""),
            new(null, "EVs", null, "line one\nline two"),
            new(null, null, "VN", "=HYPERLINK(\"x\")"),
            new("85", null, null, null),
            new("8541430010", "solar panels", "KR", "-5% modules"),
        ];

        var text = WatchListCsv.Format(entries);
        var parsed = WatchListCsv.Parse(text);

        Assert.Empty(parsed.Errors);
        Assert.Equal(entries, parsed.Entries);
    }

    [Fact]
    public void The_text_has_a_header_dotted_codes_crlf_lines_and_escaped_formulas()
    {
        var text = WatchListCsv.Format([new WatchEntry("854143", null, "CN", "solar, cells"), new WatchEntry(null, null, "VN", "@cmd")]);

        Assert.Equal("hs,product,country,label\r\n8541.43,,CN,\"solar, cells\"\r\n,,VN,\"'@cmd\"\r\n", text);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_case_and_codes_as_digits()
    {
        var parsed = WatchListCsv.Parse("Label,Country,HS\nsolar cells,cn,854143\n");

        Assert.Equal([new WatchEntry("854143", null, "CN", "solar cells")], parsed.Entries);
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_and_the_good_ones_kept()
    {
        var parsed = WatchListCsv.Parse("hs,product,country,label\n8541.43,,CN,ok\n8541.4,,,bad code\n,,XX,bad country\n\n,garden gnomes,,bad product\n8703,,,cars,extra\n");

        Assert.Equal([new WatchEntry("854143", null, "CN", "ok")], parsed.Entries);
        Assert.Equal([3, 4, 6, 7], parsed.Errors.Select(e => e.Line));
        Assert.StartsWith("line 3: \"8541.4\" is not an HS code", parsed.Errors[0].ToString());
        Assert.StartsWith("\"XX\" is not a country", parsed.Errors[1].Message);
        Assert.StartsWith("\"garden gnomes\" is not a product", parsed.Errors[2].Message);
        Assert.Equal("5 cells, the header has 4", parsed.Errors[3].Message);
        Assert.False(parsed.IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8541.43,,CN,solar\n")]
    [InlineData("code,land\n8541,CN\n")]
    public void A_file_without_the_header_is_refused_at_line_one(string text)
    {
        var parsed = WatchListCsv.Parse(text);

        Assert.Empty(parsed.Entries);
        Assert.Equal(1, Assert.Single(parsed.Errors).Line);
    }

    [Fact]
    public void A_byte_order_mark_from_a_spreadsheet_is_ignored()
    {
        var parsed = WatchListCsv.Parse("\uFEFFhs,country\r\n8541,CN\r\n");

        Assert.Equal([new WatchEntry("8541", null, "CN", null)], parsed.Entries);
    }
}
