using ResistanceSim.Tests.Support;
using ResistanceSim.Tests.Sweeps;

namespace ResistanceSim.Tests.Agents;

/// <summary>The agent engine through <c>resistancesim run</c>: a sweep on a lattice gives the same rows at one and two
/// threads and split into shards (and a finished shard resumes to nothing), because each work unit's lattice is
/// seeded from the unit's own random stream.</summary>
public class AgentSweepTests
{
    private static readonly string LatticeGrid = SweepScenarios.Grid
        .Replace("engine: tau", "engine: agents\nspace: { dims: 2, size: [60, 60], layout: dish }", StringComparison.Ordinal)
        .Replace("cells: 20000", "cells: 1500", StringComparison.Ordinal)
        .Replace("growth_limit: { kind: logistic, capacity_cells: 1.0e6 }", "lineage: per_event", StringComparison.Ordinal);

    [Fact]
    public void ASweepOnALatticeIsIdenticalAtOneAndTwoThreadsAndInShards()
    {
        using var temp = new TempDirectory();
        string scenario = temp.File("grid.yaml", LatticeGrid);
        string one = Path.Combine(temp.Path, "one"), two = Path.Combine(temp.Path, "two"), sharded = Path.Combine(temp.Path, "sharded");
        var first = Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", one, "--threads", "1");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("on agents", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", two, "--threads", "2").ExitCode);
        for (int k = 0; k < 2; k++)
            Assert.Equal(0, Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", sharded, "--shard", $"{k}/2").ExitCode);

        var resumed = Support.Cli.Run("run", "--format", "csv", "--no-plots", scenario, "--out", sharded, "--shard", "1/2", "--resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("already complete", resumed.Output, StringComparison.Ordinal);

        foreach (string table in SweepRunTests.Tables)
        {
            var expected = RunTablesText.Rows(Path.Combine(one, "sweep-test"), table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, RunTablesText.Rows(Path.Combine(two, "sweep-test"), table));
            Assert.Equal(expected, RunTablesText.Rows(Path.Combine(sharded, "sweep-test"), table));
        }
        // Points differ (b0 and dose are swept), and no total exceeds the lattice's 3,600 sites.
        var totals = RunTablesText.Rows(Path.Combine(one, "sweep-test"), "totals");
        Assert.All(totals.Skip(1), row => Assert.True(long.Parse(row.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture) <= 3600, row));
    }
}
