namespace TradeAlertBot.TestFakes;

/// <summary>The person <see cref="FakeOidcProvider"/> signs in: what its id token says about them.</summary>
public sealed record FakeOidcUser(string Subject, string Email, IReadOnlyList<string> Groups, bool EmailVerified = true)
{
    public static FakeOidcUser Named(string email, params string[] groups) => new("sub-" + email, email, groups);
}
