namespace TradeAlertBot.Slack.Api;

/// <summary>Where <see cref="SlackApiClient"/> sends Web API calls; bound from the "Slack" section (<c>Slack:ApiBaseUrl</c>).</summary>
public sealed class SlackApiOptions
{
    public const string SectionName = "Slack";

    public static readonly Uri DefaultApiBaseUrl = new("https://slack.com/api/");

    /// <summary>Base of every method URL (<c>{ApiBaseUrl}chat.postMessage</c>); tests point it at a local fake.</summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Largest answer read from the Web API or a response_url; a longer one is cut off and treated as transient.</summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    public const int DefaultMaxResponseBytes = 1024 * 1024;
}
