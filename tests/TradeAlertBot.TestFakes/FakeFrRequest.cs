namespace TradeAlertBot.TestFakes;

/// <summary>One request <see cref="FakeFederalRegister"/> received: path under the API base, decoded query, validators and answer.</summary>
public sealed record FakeFrRequest(string Path, IReadOnlyDictionary<string, string[]> Query, string? IfNoneMatch, int Status)
{
    public IReadOnlyList<string> Values(string name) => Query.TryGetValue(name, out var values) ? values : [];
}
