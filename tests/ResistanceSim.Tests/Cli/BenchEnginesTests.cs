using System.Globalization;
using System.Text.RegularExpressions;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Cli;

/// <summary>
/// The engine-comparison scenarios of issue #5 (benchmarks/scenarios) stay valid, and
/// <c>bench --quick --engines</c> runs each case on each engine that can do it and reports wall time,
/// clones and peak memory. Only the shape and the simulated outcome are checked here; the times
/// themselves belong in benchmarks/RESULTS.md.
/// </summary>
public partial class BenchEnginesTests
{
    public static TheoryData<string> BenchmarkScenarios()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(Repository.Root, "benchmarks", "scenarios"), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(BenchmarkScenarios))]
    public void BenchmarkScenarioValidates(string file)
    {
        var validate = Support.Cli.Run("validate", Path.Combine(Repository.Root, "benchmarks", "scenarios", file));
        Assert.True(validate.ExitCode == 0, validate.Error + validate.Output);
    }

    [Fact]
    public void BenchEnginesReportsEveryCaseOnTheEnginesThatCanRunIt()
    {
        var bench = Support.Cli.Run("bench", "--quick", "--engines");
        Assert.True(bench.ExitCode == 0, bench.Error + bench.Output);

        var lines = CaseLine().Matches(bench.Output).ToDictionary(m => (m.Groups["case"].Value, m.Groups["engine"].Value));
        (string Case, string Engine)[] expected =
        [
            ("bozic-1e9", "hybrid"), ("ode-1year", "ode"), ("ode-oral", "ode"),
            ("alk-1e9", "hybrid"), ("alk-1e9", "tau"), ("alk-1e9", "ode"), ("mcfl-1e9", "hybrid"), ("mcfl-1e9", "tau"),
            ("mcfl-vignette-1e9", "hybrid"), ("mcfl-vignette-1e9", "tau"),
        ];
        Assert.Equal(expected.Order(), lines.Keys.Order());

        // The ALK quickstart at clinical size regrows past its starting billion on every engine (EGFR bypass and
        // L1196M escape crizotinib), and the stochastic engines carry its many small mutant clones.
        foreach (string engine in new[] { "hybrid", "tau", "ode" })
            Assert.True(Number(lines[("alk-1e9", engine)], "cells") > 1e9, lines[("alk-1e9", engine)].Value);
        Assert.True(Number(lines[("alk-1e9", "hybrid")], "living") > 100, lines[("alk-1e9", "hybrid")].Value);
        // The McFarland cases stop at their size limit of 1e9 cells.
        foreach (string mcfl in new[] { "mcfl-1e9", "mcfl-vignette-1e9" })
            foreach (string engine in new[] { "hybrid", "tau" })
                Assert.InRange(Number(lines[(mcfl, engine)], "cells"), 1e9, 1.2e9);
        Assert.All(lines.Values, m => Assert.True(Number(m, "peak") > 0, m.Value));
    }

    private static double Number(Match line, string group) => double.Parse(line.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<case>\S+)\s+(?<engine>hybrid|tau|ode|exact)\s+\d+ runs: median [\d.]+ s/run .*final cells (?<cells>[\d.e+]+), living clones (?<living>\d+), clones founded \d+; peak working set (?<peak>\d+) MiB", RegexOptions.Multiline)]
    private static partial Regex CaseLine();
}
