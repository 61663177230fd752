namespace TradeAlertBot.Tests.Cli;

public sealed class SourcesCommandTests
{
    [Fact]
    public async Task Sources_lists_the_catalogue_with_each_url_and_where_it_comes_from()
    {
        var run = await CliRun.InvokeAsync("", "sources");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("https://www.federalregister.gov/api/v1/documents.json?conditions%5Bagencies%5D%5B%5D=foreign-assets-control-office", run.Out);
        Assert.Contains("from: Federal Register API search", run.Out);
        Assert.Contains("govuk-dbt-news", run.Out);
        Assert.Contains("8 source(s)", run.Out);
    }

    [Fact]
    public async Task Adding_an_unknown_source_fails_naming_the_known_ones()
    {
        var run = await CliRun.InvokeAsync("", "sources", "add", "fr-nasa");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no source is called fr-nasa; known: fr-bis", run.Error);
    }
}
