using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using TradeAlertBot.Hosting;

namespace TradeAlertBot.Tests.Hosting;

public sealed class AppConfigurationTests
{
    private const string ShippedKey = "Logging:LogLevel:Microsoft.EntityFrameworkCore";

    [Fact]
    public void The_shipped_defaults_apply_when_nothing_else_sets_a_key()
    {
        var configuration = AppConfiguration.AddShippedDefaults(new ConfigurationManager());

        Assert.Equal("Warning", configuration[ShippedKey]);
    }

    [Fact]
    public void Every_source_already_there_overrides_the_shipped_defaults()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { [ShippedKey] = "Debug" });

        AppConfiguration.AddShippedDefaults(configuration);

        Assert.IsType<JsonConfigurationSource>(((IConfigurationBuilder)configuration).Sources[0]);
        Assert.Equal("Debug", configuration[ShippedKey]);
    }

    [Fact]
    public void The_command_line_reads_the_shipped_defaults_and_the_environment_as_the_service_does()
    {
        var variable = $"TabTest{Guid.NewGuid():n}";
        Environment.SetEnvironmentVariable($"{variable}__Path", "/srv/rules.txt");
        try
        {
            var configuration = AppConfiguration.ForCli();

            Assert.Equal("/srv/rules.txt", configuration[$"{variable}:Path"]);
            Assert.Equal("Warning", configuration[ShippedKey]);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{variable}__Path", null);
        }
    }
}
