using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
namespace TradeAlertBot.Slack.Tests;

public sealed class SlackOptionsValidatorTests
{
    private static SlackOptions Resolve(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"Slack:{s.Key}", (string?)s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddSlack(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<SlackOptions>>().Value;
    }

    [Fact]
    public void A_signing_secret_alone_is_refused_naming_the_missing_token()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(("SigningSecret", "s")));

        Assert.Contains("Slack:BotToken or Slack:ClientId and Slack:ClientSecret is required when Slack:SigningSecret is set", error.Message);
    }

    [Fact]
    public void A_timeout_of_zero_is_refused_naming_the_setting() =>
        Assert.Contains("Slack:Timeout", Assert.Throws<OptionsValidationException>(() => Resolve(("Timeout", "00:00:00"))).Message);

    [Theory]
    [InlineData("no Slack", new string[0])]
    [InlineData("one workspace", new[] { "SigningSecret", "s", "BotToken", "xoxb-1" })]
    [InlineData("OAuth installs", new[] { "SigningSecret", "s", "ClientId", "1.2", "ClientSecret", "c" })]
    [InlineData("Socket Mode", new[] { "AppToken", "xapp-1", "BotToken", "xoxb-1" })]
    [InlineData("Socket Mode with OAuth installs", new[] { "AppToken", "xapp-1", "SigningSecret", "s", "ClientId", "1.2", "ClientSecret", "c" })]
    public void Complete_settings_are_accepted(string _, string[] pairs)
    {
        var settings = pairs.Chunk(2).Select(p => (p[0], p[1])).ToArray();

        var options = Resolve(settings);

        Assert.Equal(pairs.Length > 0, options.Enabled);
    }
}
