using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using TradeAlertBot.Commands.Shared;
using TradeAlertBot.Slack;
using TradeAlertBot.Teams;

namespace TradeAlertBot.Tests.Commands.Shared;

public sealed class AdminDirectoryTests
{
    // Bound as the service binds them: the adapters' option registrations, lists given as one string included.
    private static AdminDirectory With(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSlack(configuration).AddTeams(configuration).BuildServiceProvider();
        return new(Options.Create(provider.GetRequiredService<IOptions<SlackOptions>>().Value), Options.Create(provider.GetRequiredService<IOptions<TeamsOptions>>().Value));
    }

    [Fact]
    public void Reads_a_list_of_workspace_bound_ids()
    {
        var admins = With(("Slack:Admins:0", "T1:U1"), ("Slack:Admins:1", "T1:U2"));

        Assert.True(admins.InSettings("slack", "T1", "U1"));
        Assert.True(admins.InSettings("slack", "T1", "U2"));
    }

    [Fact]
    public void An_admin_of_one_workspace_is_no_admin_in_another()
    {
        var admins = With(("Slack:Admins", "T1:U1, U2"), ("Slack:AllowedTeams", "T1"));

        Assert.False(admins.InSettings("slack", "T2", "U1"));
        Assert.False(admins.InSettings("slack", "T2", "U2"));
        Assert.True(admins.InSettings("slack", "T1", "U2"));
    }

    [Fact]
    public void A_bare_id_counts_nowhere_without_configured_workspaces() =>
        Assert.False(With(("Slack:Admins", "U1")).InSettings("slack", "T1", "U1"));

    [Fact]
    public void Teams_admins_are_aad_object_ids_within_the_configured_tenant()
    {
        var admins = With(("Teams:Admins", "8C1D3E4F-0000-4000-8000-00000000AAAA"), ("Teams:TenantId", "tenant-1"));

        Assert.True(admins.InSettings("teams", "TENANT-1", "8c1d3e4f-0000-4000-8000-00000000aaaa"));
        Assert.False(admins.InSettings("teams", "tenant-2", "8c1d3e4f-0000-4000-8000-00000000aaaa"));
    }

    [Fact]
    public void Keeps_platforms_apart() =>
        Assert.False(With(("Slack:Admins:0", "T1:U1")).InSettings("teams", "T1", "U1"));
}
