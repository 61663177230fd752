using Microsoft.Extensions.Configuration;
using Npgsql;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace TradeAlertBot.Tests.Deploy;

/// <summary>
/// What can be checked of deploy/Dockerfile and deploy/compose.yaml without running containers: the projects and
/// settings they name exist, and the nodes share one database and one key ring.
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(RepoPaths.Root, "deploy");

    private static readonly IConfigurationRoot Sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.sample.json"), optional: false)
        .Build();

    [Fact]
    public void The_Dockerfile_restores_every_project_under_src_and_publishes_the_host()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Deploy, "Dockerfile"));

        Assert.StartsWith("# UNTESTED", dockerfile[0]);
        foreach (var project in Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, project).Replace('\\', '/');
            Assert.Contains($"COPY {relative} {Path.GetDirectoryName(relative)!.Replace('\\', '/')}/", dockerfile);
        }

        var publish = Assert.Single(dockerfile, l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, publish.Split(' ')[3])), publish);
    }

    [Fact]
    public void Compose_starts_two_nodes_on_postgres_with_documented_settings_and_one_key_ring()
    {
        var text = File.ReadAllText(Path.Combine(Deploy, "compose.yaml"));
        Assert.StartsWith("# UNTESTED", text);
        var services = Map(Load(text)["services"]);
        var nodes = services.Where(s => Map(s.Value).ContainsKey("build")).Select(s => Map(s.Value)).ToList();

        Assert.Equal(2, nodes.Count);
        foreach (var node in nodes)
        {
            var environment = Map(node["environment"]).ToDictionary(e => e.Key, e => (string)e.Value);
            Assert.All(environment.Keys, key => Assert.True(Sample.GetSection(key.Replace("__", ":")).Exists(), $"{key} is not in appsettings.sample.json"));
            Assert.Equal("postgres", environment["Storage__Provider"]);
            Assert.Equal("postgres", environment["Hangfire__Storage"]);
            Assert.Contains(new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__Default"]).Host, services.Keys);
            var keys = environment["DataProtection__KeysPath"];
            Assert.Contains(((List<object>)node["volumes"]).Cast<string>(), v => v.EndsWith(":" + keys, StringComparison.Ordinal) && !v.StartsWith('/'));
        }
    }

    private static Dictionary<string, object> Load(string yaml) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(new MergingParser(new Parser(new StringReader(yaml))));

    private static Dictionary<string, object> Map(object value) =>
        ((Dictionary<object, object>)value).ToDictionary(e => (string)e.Key, e => e.Value);
}
