using TradeAlertBot.Feeds.FederalRegister;

namespace TradeAlertBot.Feeds.Tests.FederalRegister;

public sealed class FederalRegisterSourceTests
{
    private static readonly Uri Base = new("https://www.federalregister.gov/api/v1/");

    [Theory]
    [InlineData("https://www.federalregister.gov/api/v1/documents.json?conditions[agencies][]=industry-and-security-bureau", true)]
    [InlineData("https://www.federalregister.gov/api/v1/documents.json", true)]
    [InlineData("https://www.federalregister.gov/api/v1/documents.rss?conditions[agencies][]=industry-and-security-bureau", false)]
    [InlineData("https://www.federalregister.gov/api/v1/public-inspection-documents.json", false)]
    [InlineData("https://example.org/api/v1/documents.json", false)]
    public void Only_the_document_search_under_the_base_is_read_as_the_api(string url, bool read)
    {
        Assert.Equal(read, FederalRegisterSource.IsSearch(new Uri(url), Base));
    }

    [Fact]
    public void Conditions_are_read_whether_brackets_are_escaped_or_not()
    {
        var source = FederalRegisterSource.Parse(new Uri(
            "https://www.federalregister.gov/api/v1/documents.json?conditions%5Bagencies%5D%5B%5D=industry-and-security-bureau&conditions[agencies][]=foreign-assets-control-office&conditions[type][]=rule"));

        Assert.Equal(["industry-and-security-bureau", "foreign-assets-control-office"], source.Agencies);
        Assert.Equal(["RULE"], source.Types);
    }

    [Fact]
    public void The_first_page_replaces_the_users_order_page_and_fields_with_the_readers()
    {
        var source = FederalRegisterSource.Parse(new Uri(Base, "documents.json?conditions[term]=steel&order=relevance&page=4&fields[]=title"));

        var query = source.FirstPage(25).Query;

        Assert.Contains("conditions[term]=steel", Uri.UnescapeDataString(query), StringComparison.Ordinal);
        Assert.Contains("order=newest", query, StringComparison.Ordinal);
        Assert.Contains("per_page=25", query, StringComparison.Ordinal);
        Assert.DoesNotContain("relevance", query, StringComparison.Ordinal);
        Assert.DoesNotContain("page=4", query, StringComparison.Ordinal);
        Assert.Equal(FederalRegisterSource.Fields.Count, query.Split('&').Count(p => p.StartsWith("fields%5B%5D=", StringComparison.Ordinal)));
    }
}
