using ResistanceSim.Cli;
using ResistanceSim.Output;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Sweeps;

/// <summary>End to end through <c>resistancesim run</c>: sweep columns, shards and resume.</summary>
public class SweepRunTests
{
    internal static readonly string[] Tables = ["totals", "clones", "trajectories", "summary", "points"];

    [Fact]
    public void ASweepRunWritesThePointsTableAndParameterColumnsInSummary()
    {
        using var temp = new TempDirectory();
        string scenario = temp.File("grid.yaml", SweepScenarios.Grid);
        var result = Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", temp.Path, "--threads", "2");
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        string run = Path.Combine(temp.Path, "sweep-test");

        var points = File.ReadAllLines(Path.Combine(run, "points", "part-00000.csv"));
        Assert.Equal("point,population_b0_per_day,protocol_0_drugs_crizotinib_concentration_nM", points[0]);
        Assert.Equal(["0,0.5,30", "1,0.5,100", "2,0.5,300", "3,0.7,30", "4,0.7,100", "5,0.7,300"], points[1..]);

        var summary = File.ReadAllLines(Path.Combine(run, "summary", "part-00000.csv"));
        Assert.EndsWith(",population_b0_per_day,protocol_0_drugs_crizotinib_concentration_nM", summary[0], StringComparison.Ordinal);
        Assert.Equal(1 + 6 * 3, summary.Length);   // 6 points × 3 replicates
        foreach (string row in summary[1..])
        {
            var cells = row.Split(',');
            int point = int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(points[1 + point].Split(',')[1..], cells[^2..]);
        }
        Assert.Contains("P(progressed)", result.Output, StringComparison.Ordinal);
        Assert.Contains("protocol[0].drugs.crizotinib.concentration_nM", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(run, "shards", "part-00000.spool")));
        Assert.Equal(18, RunManifest.Read(Path.Combine(run, "manifest.json")).WorkUnitsDone);
    }

    [Fact]
    public void PointsDifferInTheirResults()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, Support.Cli.Run("run", "--format", "csv", "--no-plots", temp.File("grid.yaml", SweepScenarios.Grid), "--out", temp.Path).ExitCode);
        var finalCells = File.ReadAllLines(Path.Combine(temp.Path, "sweep-test", "summary", "part-00000.csv"))[1..]
            .Select(r => r.Split(',')).GroupBy(c => c[1]).Select(g => g.Average(c => double.Parse(c[9], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.True(finalCells[0] > finalCells[2], "30 nM should leave more cells than 300 nM at b0 = 0.5");
    }

    [Fact]
    public void SweepResultsAreIdenticalAtOneAndTwoThreads()
    {
        using var temp = new TempDirectory();
        string scenario = temp.File("grid.yaml", SweepScenarios.Grid);
        Assert.Equal(0, Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", Path.Combine(temp.Path, "one"), "--threads", "1").ExitCode);
        Assert.Equal(0, Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", Path.Combine(temp.Path, "two"), "--threads", "2").ExitCode);
        foreach (string table in Tables)
            Assert.Equal(RunTablesText.Rows(Path.Combine(temp.Path, "one", "sweep-test"), table), RunTablesText.Rows(Path.Combine(temp.Path, "two", "sweep-test"), table));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    public void ShardsTogetherEqualTheSingleProcessRunRowForRow(int shards)
    {
        using var temp = new TempDirectory();
        string scenario = temp.File("grid.yaml", SweepScenarios.Grid);
        string whole = Path.Combine(temp.Path, "whole"), sharded = Path.Combine(temp.Path, "sharded");
        Assert.Equal(0, Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", whole).ExitCode);
        for (int k = 0; k < shards; k++)
        {
            var result = Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", sharded, "--shard", $"{k}/{shards}");
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.True(File.Exists(Path.Combine(sharded, "sweep-test", "summary", $"part-{k:D5}.csv")));
        }
        foreach (string table in Tables)
        {
            var expected = RunTablesText.Rows(Path.Combine(whole, "sweep-test"), table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, RunTablesText.Rows(Path.Combine(sharded, "sweep-test"), table));
        }
    }

    [Fact]
    public void ResumingACompleteShardRunsNothingAndADifferentSeedIsRefused()
    {
        using var temp = new TempDirectory();
        string scenario = temp.File("grid.yaml", SweepScenarios.Grid);
        Assert.Equal(0, Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", temp.Path, "--shard", "1/2").ExitCode);
        var again = Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", temp.Path, "--shard", "1/2", "--resume");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already complete", again.Output, StringComparison.Ordinal);

        var refused = Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", temp.Path, "--shard", "1/2", "--resume", "--seed", "99");
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("the seed differs", refused.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("x")]
    public void ABadShardExitsTwoAndWritesNothing(string shard)
    {
        using var temp = new TempDirectory();
        string scenario = temp.File("grid.yaml", SweepScenarios.Grid);
        string output = Path.Combine(temp.Path, "out");
        var result = Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", output, "--shard", shard);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--shard", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void ValidateAcceptsTheBundledSweepScenario()
    {
        var result = Support.Cli.Run("validate", Repository.Scenario("sweep-mutation-rate-vs-dose.yaml"));
        Assert.True(result.ExitCode == 0, result.Error);
    }
}
