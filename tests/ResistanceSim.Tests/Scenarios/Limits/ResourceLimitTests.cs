using ResistanceSim.Scenarios;
using ResistanceSim.Scenarios.Limits;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Scenarios.Limits;

/// <summary>Item 3 of issue #17: the resource estimate refuses runs past --max-memory / --max-output at validation
/// and warns above half of either.</summary>
public class ResourceLimitTests
{
    [Theory]
    [InlineData("every_days: 1,", "every_days: 1e-6,", "60,000,001 samples")]
    [InlineData("replicates: 5", "replicates: 1e9", "1,000,000,000 work units")]
    public void RunsTooLargeForTheMachineAreRefusedByValidateAndRun(string original, string replacement, string factor)
    {
        using var temp = new TempDirectory();
        string path = LimitScenarios.Write(temp, original, replacement);
        foreach (var args in new[] { new[] { "validate", path }, new[] { "run", path, "--out", Path.Combine(temp.Path, "out") } })
        {
            var result = ResistanceSim.Tests.Support.Cli.Run(args);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"{path}:1:1: the run needs at least", result.Error, StringComparison.Ordinal);
            Assert.Contains(factor, result.Error, StringComparison.Ordinal);
            Assert.Contains("(--max-output); reduce replicates", result.Error, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));
    }

    [Fact]
    public void TheEstimateScalesWithSamplesAndWorkUnits()
    {
        var scenario = ScenarioLoader.Load(Repository.Scenario("quickstart.yaml")).Scenario;
        var one = ResourceEstimate.Of(scenario, 1, 1);
        var thousand = ResourceEstimate.Of(scenario, 1000, 1);
        Assert.Equal((61.0, 4), (one.SamplesPerUnit, one.ClonesPerSample));
        Assert.Equal(1000 * one.OutputBytes, thousand.OutputBytes, 6);
        var twiceTheSamples = ResourceEstimate.Of(scenario with { Sampling = scenario.Sampling with { EveryDays = 0.5 } }, 1, 1);
        Assert.Equal(121.0, twiceTheSamples.SamplesPerUnit);
        Assert.True(twiceTheSamples.OutputBytes > 1.9 * one.OutputBytes);
    }

    [Fact]
    public void AboveHalfALimitValidateWarnsAndSucceeds()
    {
        var scenario = ScenarioLoader.Load(Repository.Scenario("quickstart.yaml")).Scenario;
        double output = ResourceEstimate.Of(scenario, scenario.Replicates, Environment.ProcessorCount).OutputBytes;
        string limit = ((long)(output * 1.5)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = ResistanceSim.Tests.Support.Cli.Run("validate", Repository.Scenario("quickstart.yaml"), "--max-output", limit);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(": warning: the run needs at least", result.Error, StringComparison.Ordinal);
        Assert.Contains("more than half the limit", result.Error, StringComparison.Ordinal);
        var below = ResistanceSim.Tests.Support.Cli.Run("validate", Repository.Scenario("quickstart.yaml"), "--max-output", ((long)(output * 0.9)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, below.ExitCode);
    }

    [Theory]
    [InlineData("16G", 16L << 30)]
    [InlineData("500M", 500L << 20)]
    [InlineData("1.5GiB", 3L << 29)]
    [InlineData("1048576", 1L << 20)]
    public void SizesParse(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out long parsed, out _));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1G")]
    [InlineData("1X")]
    [InlineData("lots")]
    public void BadSizesAreUsageErrors(string text)
    {
        var result = ResistanceSim.Tests.Support.Cli.Run("validate", Repository.Scenario("quickstart.yaml"), "--max-memory", text);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--max-memory must be a positive size such as 16G, 500M or 1048576 ('{text}' supplied)", result.Error, StringComparison.Ordinal);
    }
}
