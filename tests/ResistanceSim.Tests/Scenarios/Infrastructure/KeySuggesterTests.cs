using ResistanceSim.Scenarios.Diagnostics;
using Xunit;

namespace ResistanceSim.Tests.Scenarios.Infrastructure;

public class KeySuggesterTests
{
    private static readonly string[] ScenarioKeys =
        ["name", "description", "seed", "replicates", "engine", "population", "mechanisms", "drugs", "protocol", "sampling", "stop"];

    [Theory]
    [InlineData("populaton", "population")]   // deletion
    [InlineData("popualtion", "population")]  // adjacent swap counts as one edit
    [InlineData("Population", "population")]  // case-insensitive
    [InlineData("sed", "seed")]
    [InlineData("replicate", "replicates")]
    [InlineData("mechanism", "mechanisms")]
    public void Misspelling_suggests_the_nearest_key(string typo, string expected) =>
        Assert.Equal(expected, KeySuggester.Nearest(typo, ScenarioKeys));

    [Theory]
    [InlineData("temperature")]
    [InlineData("xyz")]
    [InlineData("ab")]
    public void Unrelated_word_suggests_nothing(string word) =>
        Assert.Null(KeySuggester.Nearest(word, ScenarioKeys));

    [Fact]
    public void Threshold_grows_with_length()
    {
        // 12 letters allow max(2, 12/3) = 4 edits; 5 edits is too many.
        Assert.Equal("abcdefghijkl", KeySuggester.Nearest("abcdWXYZijkl", ["abcdefghijkl"]));
        Assert.Null(KeySuggester.Nearest("abcdVWXYZjkl", ["abcdefghijkl"]));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ca", "ac", 1)]
    [InlineData("abc", "ABC", 0)]
    [InlineData("", "abc", 3)]
    public void Distance_is_optimal_string_alignment(string a, string b, int expected) =>
        Assert.Equal(expected, KeySuggester.Distance(a, b));

    [Fact]
    public void Did_you_mean_is_empty_without_a_suggestion()
    {
        Assert.Equal("; did you mean 'seed'?", KeySuggester.DidYouMean("sede", ScenarioKeys));
        Assert.Equal("", KeySuggester.DidYouMean("temperature", ScenarioKeys));
    }
}
