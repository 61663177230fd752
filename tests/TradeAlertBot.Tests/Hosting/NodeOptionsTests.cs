using Microsoft.Extensions.Configuration;
using TradeAlertBot.Cli;
using TradeAlertBot.Hosting;

namespace TradeAlertBot.Tests.Hosting;

public sealed class NodeOptionsTests
{
    private static IConfiguration Settings(string[] args, Dictionary<string, string?>? settings = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings ?? [])
        .AddCommandLine(args, NodeOptions.SwitchMappings)
        .Build();

    private static readonly Dictionary<string, string?> JobsOnPostgres = new() { ["Hangfire:Storage"] = "postgres" };

    [Theory]
    [InlineData("unset", null, NodeRole.All)]
    [InlineData("all", "all", NodeRole.All)]
    [InlineData("web", "web", NodeRole.Web)]
    [InlineData("worker in capitals", "WORKER", NodeRole.Worker)]
    [InlineData("padded", " web ", NodeRole.Web)]
    public void A_role_name_is_parsed_case_insensitively(string _, string? text, NodeRole expected)
    {
        Assert.Equal(expected, NodeOptions.Parse(text));
    }

    [Fact]
    public void An_unknown_role_is_refused_with_the_names_that_work()
    {
        Assert.Null(NodeOptions.Parse("scheduler"));

        var error = Assert.Throws<InvalidOperationException>(() => NodeOptions.From(Settings(["--role", "scheduler"], JobsOnPostgres)));

        Assert.Equal("settings: Node:Role must be 'all', 'web' or 'worker' (not 'scheduler')", error.Message);
    }

    [Theory]
    [InlineData("--role", "worker")]
    [InlineData("--role=worker", null)]
    public void The_role_switch_on_the_command_line_sets_the_role(string first, string? second)
    {
        string[] args = second is null ? [first] : [first, second];

        var node = NodeOptions.From(Settings(args, JobsOnPostgres));

        Assert.Equal(NodeRole.Worker, node.Role);
        Assert.Equal("worker", node.Name);
    }

    [Fact]
    public void The_command_line_wins_over_the_role_in_settings()
    {
        var settings = new Dictionary<string, string?>(JobsOnPostgres) { ["Node:Role"] = "worker" };

        Assert.Equal(NodeRole.Web, NodeOptions.From(Settings(["--role", "web"], settings)).Role);
        Assert.Equal(NodeRole.Worker, NodeOptions.From(Settings([], settings)).Role);
    }

    [Fact]
    public void The_role_switch_is_not_taken_for_a_command_line_verb()
    {
        Assert.False(CliApp.IsCommand(["--role", "worker"]));
        Assert.False(CliApp.IsCommand(["--role=web"]));
    }

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public void A_web_or_worker_node_with_jobs_in_memory_is_refused(string role)
    {
        var error = Assert.Throws<InvalidOperationException>(() => NodeOptions.From(Settings(["--role", role])));

        Assert.Contains($"Node:Role '{role}' needs Hangfire:Storage 'postgres'", error.Message);
    }

    [Fact]
    public void With_no_role_set_a_node_does_everything_with_jobs_in_memory()
    {
        var node = NodeOptions.From(Settings([]));

        Assert.Equal(NodeRole.All, node.Role);
        Assert.True(node.RunsJobs);
        Assert.True(node.ServesPages);
    }

    [Theory]
    [InlineData(NodeRole.All, true, true)]
    [InlineData(NodeRole.Web, false, true)]
    [InlineData(NodeRole.Worker, true, false)]
    public void Each_role_runs_jobs_or_serves_pages_or_both(NodeRole role, bool runsJobs, bool servesPages)
    {
        var node = new NodeOptions(role);

        Assert.Equal(runsJobs, node.RunsJobs);
        Assert.Equal(servesPages, node.ServesPages);
    }
}
