using Microsoft.Extensions.Configuration;
using TradeAlertBot.Commands;

namespace TradeAlertBot.Tests.Commands;

public sealed class AdminDirectoryTests
{
    private static AdminDirectory With(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void Reads_a_list() =>
        Assert.Equal(["U1", "U2"], With(("Slack:Admins:0", "U1"), ("Slack:Admins:1", "U2")).FromSettings("slack").Order());

    [Fact]
    public void Reads_one_comma_separated_string_as_environment_variables_give_it() =>
        Assert.Equal(["a", "b"], With(("Teams:Admins", "a, b")).FromSettings("teams").Order());

    [Fact]
    public void Keeps_platforms_apart() =>
        Assert.Empty(With(("Slack:Admins:0", "U1")).FromSettings("teams"));
}
