using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using TradeAlertBot.Feeds.FederalRegister;
using TradeAlertBot.Feeds.Fetching;
using TradeAlertBot.Storage;

namespace TradeAlertBot.Tests.Hosting;

/// <summary>appsettings.sample.json is the operators' reference: it must load, name every setting, and not lie about defaults.</summary>
public sealed class SampleSettingsTests
{
    private static readonly IConfigurationRoot Sample = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.sample.json"), optional: false)
        .Build();

    [Theory]
    [InlineData("ConnectionStrings:Default")]
    [InlineData("Storage:Provider")]
    [InlineData("Hangfire:WorkerCount")]
    [InlineData("Hangfire:Storage")]
    [InlineData("Hangfire:Schema")]
    [InlineData("Feeds:DefaultInterval")]
    [InlineData("Feeds:MaxBytes")]
    [InlineData("Feeds:UseSamples")]
    [InlineData("Feeds:Timeout")]
    [InlineData("Feeds:MaxConcurrentFetches")]
    [InlineData("Feeds:MaxConcurrentPerHost")]
    [InlineData("Feeds:ParseTimeout")]
    [InlineData("Feeds:MaxXmlDepth")]
    [InlineData("Feeds:MaxItemsPerDocument")]
    [InlineData("Feeds:MaxItemsPerPoll")]
    [InlineData("Feeds:MaxHtmlLength")]
    [InlineData("Feeds:MaxHtmlDepth")]
    [InlineData("Sources:FederalRegister:BaseUrl")]
    [InlineData("Sources:FederalRegister:RequestsPerSecond")]
    [InlineData("Sources:FederalRegister:MaxPagesPerPoll")]
    [InlineData("Sources:FederalRegister:PerPage")]
    [InlineData("Sources:FederalRegister:MaxRetryAfterWait")]
    [InlineData("Rules:Path")]
    [InlineData("Logging:LogLevel:Default")]
    [InlineData("Slack:SigningSecret")]
    [InlineData("Slack:BotToken")]
    [InlineData("Slack:AppToken")]
    [InlineData("Slack:ClientId")]
    [InlineData("Slack:ClientSecret")]
    [InlineData("Slack:ApiBaseUrl")]
    [InlineData("Slack:ReplayCacheSize")]
    [InlineData("Slack:MaxResponseBytes")]
    [InlineData("DataProtection:KeysPath")]
    [InlineData("Teams:AppId")]
    [InlineData("Teams:AppPassword")]
    [InlineData("Teams:CertificatePath")]
    [InlineData("Teams:AppType")]
    [InlineData("Teams:TenantId")]
    [InlineData("Teams:OpenIdMetadataUrl")]
    [InlineData("Storage:BusyTimeout")]
    [InlineData("Admin:Token")]
    [InlineData("Admin:SignInAttempts")]
    [InlineData("Admin:JobsDashboardWritable")]
    [InlineData("Admin:Oidc:Authority")]
    [InlineData("Admin:Oidc:ClientId")]
    [InlineData("Admin:Oidc:ClientSecret")]
    [InlineData("Admin:Oidc:DisplayName")]
    [InlineData("Admin:Oidc:EmailClaim")]
    [InlineData("Admin:Oidc:GroupsClaim")]
    [InlineData("Node:Role")]
    [InlineData("Admin:AuditRetention")]
    [InlineData("ForwardedHeaders:Enabled")]
    [InlineData("Web:MaxEventStreams")]
    [InlineData("Commands:QueryBudget")]
    public void Documents_the_setting(string key) =>
        Assert.True(Sample.GetSection(key).Exists(), $"appsettings.sample.json lacks {key}");

    [Fact]
    public void Documents_the_list_settings()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "appsettings.sample.json"));
        Assert.Contains("\"AllowedPrivateHosts\"", text);
        Assert.Contains("\"AllowedTeams\"", text);
        Assert.Contains("\"AllowedChannels\"", text);
        Assert.Contains("\"Admins\"", text);
        Assert.Contains("\"AllowedDomains\"", text);
        Assert.Contains("\"AllowedGroups\"", text);
        Assert.Contains("\"Scopes\"", text);
    }

    [Fact]
    public void Feed_settings_are_valid_and_equal_the_defaults()
    {
        var bound = Sample.GetSection(FeedsOptions.SectionName).Get<FeedsOptions>()!;
        Validator.ValidateObject(bound, new ValidationContext(bound), validateAllProperties: true);

        var defaults = new FeedsOptions();
        Assert.Equal(defaults.DefaultInterval, bound.DefaultInterval);
        Assert.Equal(defaults.MaxBytes, bound.MaxBytes);
        Assert.Equal(defaults.Timeout, bound.Timeout);
        Assert.Equal(defaults.MaxRedirects, bound.MaxRedirects);
        Assert.Equal(defaults.UseSamples, bound.UseSamples);
        Assert.Equal(defaults.MaxConcurrentFetches, bound.MaxConcurrentFetches);
        Assert.Equal(defaults.MaxConcurrentPerHost, bound.MaxConcurrentPerHost);
        Assert.Equal(defaults.UserAgent, bound.UserAgent);
        Assert.Equal(defaults.ParseTimeout, bound.ParseTimeout);
        Assert.Equal(defaults.MaxXmlDepth, bound.MaxXmlDepth);
        Assert.Equal(defaults.MaxItemsPerDocument, bound.MaxItemsPerDocument);
        Assert.Equal(defaults.MaxItemsPerPoll, bound.MaxItemsPerPoll);
        Assert.Equal(defaults.MaxHtmlLength, bound.MaxHtmlLength);
        Assert.Equal(defaults.MaxHtmlDepth, bound.MaxHtmlDepth);
        Assert.Empty(bound.AllowedPrivateHosts);
    }

    [Fact]
    public void Federal_register_settings_are_valid_and_equal_the_defaults()
    {
        var bound = Sample.GetSection(FederalRegisterOptions.SectionName).Get<FederalRegisterOptions>()!;
        Validator.ValidateObject(bound, new ValidationContext(bound), validateAllProperties: true);

        var defaults = new FederalRegisterOptions();
        Assert.Equal(
            (defaults.BaseUrl, defaults.RequestsPerSecond, defaults.MaxPagesPerPoll, defaults.PerPage, defaults.MaxRetryAfterWait),
            (bound.BaseUrl, bound.RequestsPerSecond, bound.MaxPagesPerPoll, bound.PerPage, bound.MaxRetryAfterWait));
    }

    [Fact]
    public void Slack_settings_leave_slack_off_and_equal_the_defaults()
    {
        var bound = Sample.GetSection(TradeAlertBot.Slack.SlackOptions.SectionName).Get<TradeAlertBot.Slack.SlackOptions>()!;
        var defaults = new TradeAlertBot.Slack.SlackOptions();

        Assert.False(bound.Enabled);
        Assert.Equal(defaults.ApiBaseUrl, bound.ApiBaseUrl);
        Assert.Equal(defaults.MaxRequestBytes, bound.MaxRequestBytes);
        Assert.Equal(defaults.MaxResponseBytes, bound.MaxResponseBytes);
        Assert.Equal(defaults.ReplayCacheSize, bound.ReplayCacheSize);
        Assert.Empty(bound.AllowedTeams);
    }

    [Fact]
    public void Teams_and_delivery_settings_equal_the_defaults()
    {
        var teams = Sample.GetSection(TradeAlertBot.Teams.TeamsOptions.SectionName).Get<TradeAlertBot.Teams.TeamsOptions>()!;
        Assert.False(teams.Enabled);
        Assert.Equal(new TradeAlertBot.Teams.TeamsOptions().OpenIdMetadataUrl, teams.OpenIdMetadataUrl);
        Assert.Equal(new TradeAlertBot.Teams.TeamsOptions().AppType, teams.AppType);
        Assert.Empty(teams.AllowedChannels);

        var delivery = Sample.GetSection(TradeAlertBot.Deliveries.DeliveryOptions.SectionName).Get<TradeAlertBot.Deliveries.DeliveryOptions>()!;
        var defaults = new TradeAlertBot.Deliveries.DeliveryOptions();
        Assert.Equal(defaults.MaxAttempts, delivery.MaxAttempts);
        Assert.Equal(defaults.RetryDelay, delivery.RetryDelay);
        Assert.Equal(defaults.MaxRetryDelay, delivery.MaxRetryDelay);
        Assert.Equal(defaults.StormThreshold, delivery.StormThreshold);
        Assert.Equal(defaults.StormWindow, delivery.StormWindow);
        Assert.Equal(defaults.MinInterval["slack"], delivery.MinInterval["slack"]);
    }

    [Fact]
    public void Admin_settings_leave_the_admin_page_off_and_equal_the_defaults()
    {
        var bound = Sample.GetSection(TradeAlertBot.Admin.AdminOptions.SectionName).Get<TradeAlertBot.Admin.AdminOptions>()!;
        var defaults = new TradeAlertBot.Admin.AdminOptions();

        Assert.Equal("", bound.Token);
        Assert.Equal(defaults.SignInAttempts, bound.SignInAttempts);
        Assert.Equal(defaults.SignInWindow, bound.SignInWindow);
        Assert.Equal(defaults.AuditRetention, bound.AuditRetention);
        Assert.False(bound.Oidc.Enabled);
        Assert.Equal(defaults.Oidc.DisplayName, bound.Oidc.DisplayName);
        Assert.Equal(defaults.Oidc.EmailClaim, bound.Oidc.EmailClaim);
        Assert.Equal(defaults.Oidc.GroupsClaim, bound.Oidc.GroupsClaim);
        Assert.Equal(defaults.Oidc.EffectiveScopes, bound.Oidc.EffectiveScopes);
        Assert.True(new TradeAlertBot.Admin.AdminOptionsValidator().Validate(null, bound).Succeeded);
    }

    [Fact]
    public void Job_and_key_ring_settings_are_valid()
    {
        var jobs = Sample.GetSection(TradeAlertBot.Jobs.JobsOptions.SectionName).Get<TradeAlertBot.Jobs.JobsOptions>()!;
        Validator.ValidateObject(jobs, new ValidationContext(jobs), validateAllProperties: true);
        Assert.Equal(4, jobs.WorkerCount);
        Assert.Null(jobs.Problem(Sample.GetConnectionString("Default")));
        Assert.Equal(new TradeAlertBot.Jobs.JobsOptions().Storage, jobs.Storage);
        Assert.Equal(new TradeAlertBot.Jobs.JobsOptions().Schema, jobs.Schema);

        Assert.Equal(new TradeAlertBot.Hosting.KeyRingOptions().KeysPath, TradeAlertBot.Hosting.KeyRingOptions.From(Sample).KeysPath);
    }

    [Fact]
    public void Command_settings_equal_the_defaults()
    {
        var bound = Sample.GetSection(TradeAlertBot.Commands.QueryOptions.SectionName).Get<TradeAlertBot.Commands.QueryOptions>()!;
        var defaults = new TradeAlertBot.Commands.QueryOptions();

        Assert.Equal(defaults.QueryBudget, bound.QueryBudget);
        Assert.Equal(defaults.QueriesPerUser, bound.QueriesPerUser);
        Assert.Equal(defaults.QueryWindow, bound.QueryWindow);
        Assert.Equal(defaults.QueryWorkers, bound.QueryWorkers);
    }

    [Fact]
    public void Web_settings_leave_forwarded_headers_off_and_equal_the_defaults()
    {
        var forwarded = Sample.GetSection(TradeAlertBot.Web.ForwardedHeadersSettings.SectionName).Get<TradeAlertBot.Web.ForwardedHeadersSettings>()!;
        Assert.False(forwarded.Enabled);
        Assert.Empty(forwarded.KnownProxies);
        Assert.Empty(forwarded.KnownNetworks);
        Assert.Equal(new TradeAlertBot.Web.ForwardedHeadersSettings().ForwardLimit, forwarded.ForwardLimit);

        var web = Sample.GetSection(TradeAlertBot.Web.EventStreamOptions.SectionName).Get<TradeAlertBot.Web.EventStreamOptions>()!;
        Assert.Equal(new TradeAlertBot.Web.EventStreamOptions().MaxEventStreams, web.MaxEventStreams);
    }

    [Fact]
    public void Storage_settings_equal_the_defaults()
    {
        Assert.Equal(new StorageOptions().Provider, Sample["Storage:Provider"]);
        Assert.Equal(StorageOptions.DefaultSqlite, Sample.GetConnectionString("Default"));
    }
}
