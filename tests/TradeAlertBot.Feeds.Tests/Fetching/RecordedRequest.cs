namespace TradeAlertBot.Feeds.Tests.Fetching;

/// <summary>A request as the local feed server received it.</summary>
internal sealed record RecordedRequest(string PathAndQuery, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}
