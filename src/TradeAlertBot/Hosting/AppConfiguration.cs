using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace TradeAlertBot.Hosting;

/// <summary>
/// The settings sources, the same for the service and the command line: the defaults shipped next to the program,
/// then the host's usual sources (appsettings.json and appsettings.{Environment}.json in the content root, user
/// secrets in Development, environment variables, the service's command line), each overriding the one before.
/// </summary>
public static class AppConfiguration
{
    /// <summary>The command line's settings: what the service would read, started in the same folder.</summary>
    public static IConfiguration ForCli()
    {
        // As WebApplication.CreateBuilder does, ASPNETCORE_ variables (ASPNETCORE_ENVIRONMENT) choose the environment,
        // so the CLI reads the same appsettings.{Environment}.json as the service.
        var configuration = new ConfigurationManager();
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], Configuration = configuration });
        return AddShippedDefaults(builder.Configuration);
    }

    /// <summary>
    /// Puts the shipped appsettings.json under every source the builder already has. `dotnet run` from the repository
    /// root makes that the content root, where no appsettings.json lies, and the console filled with SQL at
    /// Information; the shipped file fixes that without outranking an operator's file, variable or argument.
    /// </summary>
    public static ConfigurationManager AddShippedDefaults(ConfigurationManager configuration)
    {
        var shipped = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
        };
        ((IConfigurationBuilder)configuration).Sources.Insert(0, shipped);
        return configuration;
    }
}
