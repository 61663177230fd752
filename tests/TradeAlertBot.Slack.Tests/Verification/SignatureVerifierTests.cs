using System.Text;
using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Slack.Verification;

namespace TradeAlertBot.Slack.Tests.Verification;

public class SignatureVerifierTests
{
    // Slack's documented example (https://api.slack.com/authentication/verifying-requests-from-slack).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SignatureVerifier Verifier(TimeSpan sinceSent, string secret = Secret) =>
        new(secret, new FakeTimeProvider(SentAt + sinceSent));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Slacks_documented_example_verifies()
    {
        Assert.Equal(Signature, Verifier(TimeSpan.Zero).Sign(Timestamp, Bytes(Body)));
        Assert.Equal(SignatureCheck.Valid, Verifier(TimeSpan.FromSeconds(30)).Verify(Timestamp, Signature, Bytes(Body)));
    }

    [Theory]
    [InlineData("forged signature", Timestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504", SignatureCheck.Mismatch)]
    [InlineData("upper-case hex", Timestamp, "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", SignatureCheck.Mismatch)]
    [InlineData("other version", Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.Mismatch)]
    [InlineData("missing signature", Timestamp, null, SignatureCheck.MissingHeaders)]
    [InlineData("missing timestamp", null, Signature, SignatureCheck.MissingHeaders)]
    [InlineData("timestamp not a number", "yesterday", Signature, SignatureCheck.BadTimestamp)]
    [InlineData("timestamp moved", "1531420619", Signature, SignatureCheck.Mismatch)]
    public void Anything_but_the_exact_signature_is_refused(string name, string? timestamp, string? signature, SignatureCheck expected)
    {
        Assert.True(expected == Verifier(TimeSpan.Zero).Verify(timestamp, signature, Bytes(Body)), name);
    }

    [Fact]
    public void A_changed_body_no_longer_verifies()
    {
        Assert.Equal(SignatureCheck.Mismatch, Verifier(TimeSpan.Zero).Verify(Timestamp, Signature, Bytes(Body.Replace("roadrunner", "coyote", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void Requests_more_than_five_minutes_old_or_early_are_refused_as_replays(int seconds)
    {
        Assert.Equal(SignatureCheck.Stale, Verifier(TimeSpan.FromSeconds(seconds)).Verify(Timestamp, Signature, Bytes(Body)));
    }

    [Fact]
    public void Without_a_signing_secret_nothing_verifies()
    {
        Assert.Equal(SignatureCheck.MissingHeaders, Verifier(TimeSpan.Zero, secret: "").Verify(Timestamp, Signature, Bytes(Body)));
    }
}
