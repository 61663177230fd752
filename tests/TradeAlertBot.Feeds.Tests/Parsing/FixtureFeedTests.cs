using Microsoft.Extensions.Time.Testing;
using TradeAlertBot.Feeds.Parsing;

namespace TradeAlertBot.Feeds.Tests.Parsing;

/// <summary>Every file in shared/fixtures/feeds parses as expected.tsv says, or is refused with the right kind.</summary>
public class FixtureFeedTests
{
    /// <summary>
    /// Where this parser knowingly differs from expected.tsv: broken-but-harmless feeds it recovers, as feedparser
    /// would, and one refusal it files under another kind. Each recovery leaves a warning in ParsedFeed.Warnings.
    /// </summary>
    private static readonly Dictionary<string, Deviation> Deviations = new()
    {
        ["malformed-atom10-illegal-control-chars-bom.xml"] = Deviation.Accept(
            1, "Decode NMEA bytes received via external GPS bluetooth device",
            "raw C0 controls carry no text and are stripped before parsing (feedparser, CodeHollow); &#x1; is still refused"),
        ["malformed-rss20-iso-8859-1-bytes-no-declaration.xml"] = Deviation.Accept(
            10, "Perturbateurs endocriniens : quels effets sur le cerveau ?",
            "bytes that are not valid UTF-8, with no encoding declared, are read as windows-1252 (feedparser's fallback)"),
        ["malformed-koi8r-no-encoding-declared.xml"] = Deviation.Accept(
            1, "ëÁË ÐÅÒÅÖÉÔØ ÎÏ×ÏÇÏÄÎÀÀ ÎÏÞØ",
            "same windows-1252 fallback; without charset sniffing the Cyrillic text becomes mojibake, harmless and flagged"),
        ["malformed-wrong-declared-encoding-utf8-but-latin1.xml"] = Deviation.Accept(
            1, "Déclaration d'encodage fausse",
            "declared UTF-8 but invalid UTF-8: read as windows-1252, which is what the bytes are"),
        ["rss20-mojibake-double-encoded-cyrillic.xml"] = Deviation.AcceptAltered(
            title => title.Replace("\u0081", "", StringComparison.Ordinal).Replace("\u008F", "", StringComparison.Ordinal),
            "C1 controls are removed from stored text (U+0081 and U+008F mean nothing in windows-1252 either)"),
        ["malformed-rss20-incomplete-cdata.xml"] = Deviation.Reject(
            FeedParseErrorKind.InvalidXml,
            "the comment before the XML declaration is an error the reader meets before the cut-off CDATA"),
    };

    private static readonly Dictionary<string, FeedParseErrorKind> KindByReason = new()
    {
        ["xxe"] = FeedParseErrorKind.ExternalEntity,
        ["entity-expansion"] = FeedParseErrorKind.EntityExpansion,
        ["truncated"] = FeedParseErrorKind.Truncated,
        ["empty"] = FeedParseErrorKind.Empty,
        ["not-a-feed"] = FeedParseErrorKind.NotAFeed,
        ["unknown-encoding"] = FeedParseErrorKind.UnknownEncoding,
        ["bare-ampersand"] = FeedParseErrorKind.InvalidXml,
        ["undeclared-prefix"] = FeedParseErrorKind.InvalidXml,
    };

    private readonly FeedParser _parser = new(new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    public static TheoryData<string> Files() => new(ExpectedRow.All.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Expected_tsv_covers_every_fixture_file()
    {
        var files = Directory.GetFiles(FixtureDirectory.Path)
            .Select(Path.GetFileName)
            .Where(name => name is not ("README.md" or "expected.tsv" or ".gitattributes"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, ExpectedRow.All.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Fixture_parses_to_the_expected_items_or_is_refused_with_the_expected_kind(string file)
    {
        var row = ExpectedRow.All[file];
        var deviation = Deviations.GetValueOrDefault(file);
        var outcome = deviation?.Outcome ?? row.Outcome;
        var bytes = FixtureDirectory.Read(file);

        if (outcome == "reject")
        {
            var error = Assert.Throws<FeedParseException>(() => _parser.Parse(bytes, contentTypeCharset: null));
            Assert.Equal(deviation?.Kind ?? KindByReason[row.Reason], error.Kind);
            Assert.StartsWith("parse: ", error.Message, StringComparison.Ordinal);
            return;
        }

        var feed = _parser.Parse(bytes, contentTypeCharset: null);
        Assert.Equal(deviation?.Items ?? row.Items, feed.Items.Count);
        if (deviation is { Items: not null })
        {
            Assert.NotEmpty(feed.Warnings); // a recovery is always reported
        }

        if (row.Reason == "oversize-field")
        {
            var title = feed.Items[0].Title;
            Assert.Equal(FeedParser.MaxTitleLength, title.Length);
            Assert.StartsWith("BEGIN-AAAA", title, StringComparison.Ordinal);
            Assert.EndsWith("A\u2026", title, StringComparison.Ordinal);
        }
        else if (feed.Items.Count > 0)
        {
            var expectedTitle = deviation?.FirstTitle is { } alter ? alter(row.FirstTitle) : row.FirstTitle;
            Assert.Equal(expectedTitle, feed.Items[0].Title);
        }
    }

    [Theory]
    [MemberData(nameof(DeviationFiles))]
    public void Each_documented_deviation_really_differs_from_expected_tsv(string file)
    {
        var row = ExpectedRow.All[file];
        var deviation = Deviations[file];

        Assert.False(string.IsNullOrWhiteSpace(deviation.Why));
        var differs = deviation.Outcome != row.Outcome
            || (deviation.Kind is not null && deviation.Kind != KindByReason.GetValueOrDefault(row.Reason))
            || (deviation.FirstTitle is not null && deviation.FirstTitle(row.FirstTitle) != row.FirstTitle);
        Assert.True(differs, $"{file}: the deviation repeats what expected.tsv says; remove it");
    }

    public static TheoryData<string> DeviationFiles() => new(Deviations.Keys.Order(StringComparer.Ordinal));

    private sealed record Deviation(
        string Outcome, int? Items, Func<string, string>? FirstTitle, FeedParseErrorKind? Kind, string Why)
    {
        public static Deviation Accept(int items, string firstTitle, string why) =>
            new("accept", items, _ => firstTitle, null, why);

        public static Deviation AcceptAltered(Func<string, string> firstTitle, string why) =>
            new("accept", null, firstTitle, null, why);

        public static Deviation Reject(FeedParseErrorKind kind, string why) => new("reject", null, null, kind, why);
    }
}
