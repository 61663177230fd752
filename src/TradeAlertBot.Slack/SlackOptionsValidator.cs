using Microsoft.Extensions.Options;

namespace TradeAlertBot.Slack;

/// <summary>
/// Slack switches on only when it can post: a signing secret or app token alone would start, take commands and then
/// fail every alert at send time. Each failure names the missing setting; start-up stops on any of them.
/// </summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        var hasBotToken = !string.IsNullOrEmpty(options.BotToken);
        if (string.IsNullOrEmpty(options.ClientId) != string.IsNullOrEmpty(options.ClientSecret))
        {
            failures.Add("Slack:ClientId and Slack:ClientSecret must be set together (OAuth installs need both)");
        }

        if (options.HttpEnabled && !hasBotToken && !options.OAuthEnabled)
        {
            failures.Add("Slack:BotToken or Slack:ClientId and Slack:ClientSecret is required when Slack:SigningSecret is set");
        }

        // OAuth installs need the HTTP endpoints (/slack/install), so Socket Mode alone posts with the bot token (docs/slack.md).
        if (options.SocketModeEnabled && !hasBotToken && !(options.HttpEnabled && options.OAuthEnabled))
        {
            failures.Add("Slack:BotToken is required when Slack:AppToken is set (Socket Mode posts alerts with it)");
        }

        if (!options.Enabled && (hasBotToken || options.OAuthEnabled))
        {
            failures.Add("Slack:SigningSecret (HTTP endpoints) or Slack:AppToken (Socket Mode) is required when Slack:BotToken or Slack:ClientId is set");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
