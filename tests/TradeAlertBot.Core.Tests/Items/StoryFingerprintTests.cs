using TradeAlertBot.Core.Items;
using Xunit.Abstractions;

namespace TradeAlertBot.Core.Tests.Items;

public class StoryFingerprintTests(ITestOutputHelper output)
{
    public static TheoryData<string, StoryPairs.Story, StoryPairs.Story> SamePairs => StoryPairs.Same;

    public static TheoryData<string, StoryPairs.Story, StoryPairs.Story> DifferentPairs => StoryPairs.Different;

    [Theory]
    [MemberData(nameof(SamePairs))]
    public void The_same_story_from_another_outlet_is_recognised(string name, StoryPairs.Story a, StoryPairs.Story b)
    {
        var similarity = Fingerprint(a).Similarity(Fingerprint(b));
        output.WriteLine($"{name}: {similarity:0.000}");

        Assert.True(Fingerprint(a).IsSameStory(Fingerprint(b)), $"{name}: similarity {similarity:0.000} < {StoryFingerprint.SameStoryThreshold}");
    }

    [Theory]
    [MemberData(nameof(DifferentPairs))]
    public void A_different_story_on_the_same_topic_is_not_joined(string name, StoryPairs.Story a, StoryPairs.Story b)
    {
        var similarity = Fingerprint(a).Similarity(Fingerprint(b));
        output.WriteLine($"{name}: {similarity:0.000}");

        Assert.False(Fingerprint(a).IsSameStory(Fingerprint(b)), $"{name}: similarity {similarity:0.000} >= {StoryFingerprint.SameStoryThreshold}");
    }

    [Theory]
    [MemberData(nameof(SamePairs))]
    public void Rewrites_of_one_story_share_a_band_key_so_the_index_finds_them(string name, StoryPairs.Story a, StoryPairs.Story b)
    {
        Assert.True(Fingerprint(a).BandKeys().Intersect(Fingerprint(b).BandKeys()).Any(), name);
    }

    [Fact]
    public void Fingerprints_are_deterministic_and_round_trip_through_text()
    {
        var first = StoryFingerprint.Compute("US raises tariffs", "The United States raised tariffs on steel.");
        var second = StoryFingerprint.Compute("US raises tariffs", "The United States raised tariffs on steel.");

        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(first, StoryFingerprint.Parse(first.ToString()));
        Assert.Equal(1.0, first.Similarity(second));
    }

    [Fact]
    public void A_stored_fingerprint_stays_the_same_across_runs_and_machines()
    {
        // Pinned value: a change of hashing or features would silently stop old stories from being joined.
        var fingerprint = StoryFingerprint.Compute("US raises tariffs", "The United States raised tariffs on steel.");

        Assert.StartsWith(PinnedPrefix, fingerprint.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("xyz")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public void Parsing_garbage_fails_with_a_format_error(string text)
    {
        Assert.Throws<FormatException>(() => StoryFingerprint.Parse(text));
    }

    [Fact]
    public void Unrelated_stories_are_far_apart()
    {
        var tariffs = StoryFingerprint.Compute("US raises tariffs on Chinese steel", "The United States raised tariffs on steel from China to 50%.");
        var football = StoryFingerprint.Compute("Arsenal win the derby", "Arsenal beat Tottenham 3-1 in a lively north London derby on Sunday.");

        Assert.True(tariffs.Similarity(football) < 0.1);
    }

    private const string PinnedPrefix = "3606f4f826b2187d19cb75000e60852f";

    private static StoryFingerprint Fingerprint(StoryPairs.Story story) => StoryFingerprint.Compute(story.Title, story.Body);
}
