using System.Globalization;
using ResistanceSim.Output.Tables;
using ResistanceSim.Tests.Support;
using ResistanceSim.Tests.Sweeps;

namespace ResistanceSim.Tests.Agents;

/// <summary>The agent engine's <c>spatial/</c> and <c>cells/</c> tables: documented, bounded, and agreeing with <c>totals/</c>.</summary>
public class AgentTablesTests
{
    private static string Dish(string snapshots) =>
        AgentScenarios.Treated($"{{ dims: 2, size: [60, 60], layout: dish{snapshots} }}", 1500, 40, "clustered");

    [Fact]
    public void EveryColumnOfTheSpatialTablesIsDocumented()
    {
        string doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "output-schema.md"));
        var tables = RunTables.For(AgentScenarios.Load(Dish(", snapshot_every_days: 5"))).Select(t => t.Name).ToArray();
        Assert.Contains("spatial", tables);
        Assert.Contains("cells", tables);
        foreach (var table in RunTables.For(AgentScenarios.Load(Dish(", snapshot_every_days: 5"))).Where(t => t.Name is "spatial" or "cells"))
        {
            Assert.Contains($"## `{table.Name}/`", doc, StringComparison.Ordinal);
            foreach (var column in table.Columns)
                Assert.True(doc.Contains($"`{column.Name}`", StringComparison.Ordinal), $"{table.Name}.{column.Name} is not in docs/output-schema.md");
        }
        Assert.DoesNotContain("cells", RunTables.For(AgentScenarios.Load(Dish(""))).Select(t => t.Name));
    }

    [Fact]
    public void SnapshotsHoldEveryCellUpToTheBoundAndTheSpatialRowsFollowTheTotals()
    {
        using var temp = new TempDirectory();
        string path = temp.File("dish.yaml", Dish(", snapshot_every_days: 5, max_snapshot_cells: 400"));
        var result = Support.Cli.Run("run", path, "--out", temp.Path, "--format", "csv", "--no-plots", "--threads", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        string run = Path.Combine(temp.Path, "agents-treated");

        var totals = RunTablesText.Rows(run, "totals").Skip(1).Select(r => r.Split(',')).ToArray();
        var spatial = RunTablesText.Rows(run, "spatial").Skip(1).Select(r => r.Split(',')).ToArray();
        Assert.Equal(totals.Length, spatial.Length);
        for (int i = 0; i < totals.Length; i++)
        {
            Assert.Equal(totals[i][3], spatial[i][3]);   // same sample times
            Assert.Equal(double.Parse(totals[i][4], CultureInfo.InvariantCulture) / 3600, double.Parse(spatial[i][4], CultureInfo.InvariantCulture), 12);
        }
        // Day 0: 1,540 cells, the 40 resistant ones in one clump (a single patch).
        Assert.Equal("1", spatial[0][7]);

        var cells = RunTablesText.Rows(run, "cells").Skip(1).Select(r => r.Split(',')).ToArray();
        var bySnapshot = cells.GroupBy(c => c[3]).ToArray();
        Assert.Equal(["0", "5", "10", "15", "20"], bySnapshot.Select(g => g.Key));
        foreach (var snapshot in bySnapshot)
        {
            long total = long.Parse(totals.Single(t => t[3] == snapshot.Key)[4], CultureInfo.InvariantCulture);
            long stride = (total + 399) / 400;
            Assert.Equal((total + stride - 1) / stride, snapshot.Count());
            Assert.True(snapshot.Count() <= 400);
            Assert.Equal(snapshot.Count(), snapshot.Select(c => (c[4], c[5])).Distinct().Count());
        }
    }

    [Fact]
    public void TheReportShowsOneLatticeFramePerSnapshotWithASlider()
    {
        using var temp = new TempDirectory();
        string path = temp.File("dish.yaml", Dish(", snapshot_every_days: 10"));
        var result = Support.Cli.Run("run", path, "--out", temp.Path, "--format", "csv", "--threads", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        string run = Path.Combine(temp.Path, "agents-treated");
        Assert.Equal(["lattice-day-0.png", "lattice-day-10.png", "lattice-day-20.png"],
            Directory.GetFiles(Path.Combine(run, "plots"), "lattice-day-*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        string html = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.Equal(3, html.Split("data:image/png;base64,").Length - 1);
        Assert.Contains("<label for=\"frames-1-2\">day 20</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ArmsStartFromTheSameLayoutCommonRandomNumbers()
    {
        // Two arms (drug vs none) share each replicate's random stream, so their day-0 lattices are the same cells on
        // the same sites; the arms then diverge.
        string yaml = Dish(", snapshot_every_days: 10").Replace("protocol:\n  - { phase: continuous, days: 20, drugs: { crizotinib: { concentration_nM: 300 } } }",
            "arms:\n  - { name: drug, protocol: [ { phase: continuous, days: 20, drugs: { crizotinib: { concentration_nM: 300 } } } ] }\n  - { name: none, protocol: [ { phase: holiday, days: 20 } ] }",
            StringComparison.Ordinal);
        Assert.Contains("arms:", yaml, StringComparison.Ordinal);
        using var temp = new TempDirectory();
        var result = Support.Cli.Run("run", temp.File("arms.yaml", yaml), "--out", temp.Path, "--format", "csv", "--no-plots", "--replicates", "2");
        Assert.True(result.ExitCode == 0, result.Error);
        var cells = RunTablesText.Rows(Path.Combine(temp.Path, "agents-treated"), "cells").Skip(1).Select(r => r.Split(',')).ToArray();
        string[] Snapshot(string arm, string replicate, string day) =>
            [.. cells.Where(c => c[0] == arm && c[2] == replicate && c[3] == day).Select(c => string.Join(',', c[4..]))];
        foreach (string replicate in new[] { "0", "1" })
        {
            Assert.NotEmpty(Snapshot("0", replicate, "0"));
            Assert.Equal(Snapshot("0", replicate, "0"), Snapshot("1", replicate, "0"));
            Assert.NotEqual(Snapshot("0", replicate, "20"), Snapshot("1", replicate, "20"));
        }
        Assert.NotEqual(Snapshot("0", "0", "0"), Snapshot("0", "1", "0"));
    }
}
