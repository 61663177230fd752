using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Tests.Storage;

public sealed class StorageOptionsTests
{
    private static StorageOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddStorage();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<StorageOptions>>().Value;
    }

    [Fact]
    public void Sqlite_is_the_default_with_no_settings() => Assert.True(Resolve([]).IsSqlite);

    [Fact]
    public void Postgres_with_a_connection_string_is_accepted() =>
        Assert.True(Resolve(new() { ["Storage:Provider"] = "postgres", ["ConnectionStrings:Default"] = "Host=db;Database=bot" }).IsPostgres);

    [Theory]
    [InlineData("mysql", null, "must be 'sqlite' or 'postgres'")]
    [InlineData("postgres", null, "needs ConnectionStrings:Default")]
    [InlineData("postgres", "Data Source=./data/tradealertbot.db", "not an Npgsql connection string")]
    public void A_provider_that_cannot_work_refuses_to_start_with_a_clear_message(string provider, string? connectionString, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            Resolve(new() { ["Storage:Provider"] = provider, ["ConnectionStrings:Default"] = connectionString }));
        Assert.Contains(expected, error.Message);
    }
}
