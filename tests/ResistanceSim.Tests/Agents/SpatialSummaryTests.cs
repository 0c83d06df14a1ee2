using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Agents;

/// <summary>The spatial summary of a lattice against a brute-force reading of the same cells.</summary>
public class SpatialSummaryTests
{
    private const string Dish = "{ dims: 2, size: [40, 40], layout: dish }";

    [Theory]
    [InlineData("scattered", 40)]
    [InlineData("clustered", 40)]
    [InlineData("scattered", 0)]
    public void TheSummaryEqualsABruteForceReadingOfTheCells(string placement, int resistantCells)
    {
        // Moore neighbourhood, fixed boundary: the lattice distance between two sites is their Chebyshev distance, and
        // two resistant cells are in one patch when a chain of resistant cells joins them by Moore steps.
        string yaml = resistantCells > 0
            ? AgentScenarios.Treated(Dish, 300, resistantCells, placement).Replace("stop: { days: 20 }", "stop: { days: 0.001 }", StringComparison.Ordinal)
            : AgentScenarios.Colony(Dish, 300, 0.6, 0.1, 0.001);
        var run = new SimulationRun(AgentScenarios.Load(yaml));
        var engine = new AgentMethod();
        run.Start(new WorkUnit(0, 0, 0), null, engine.Listener);
        engine.Begin(run);
        var cells = engine.Cells().ToArray();
        bool Resistant(AgentCell c) => run.Clones.Genotype[c.CloneIndex] != GenotypeLayout.Parental;
        var sensitive = cells.Where(c => !Resistant(c)).ToArray();
        var resistant = cells.Where(Resistant).ToArray();
        Assert.Equal(resistantCells, resistant.Length);

        var summary = new SpatialSummarizer().Summarize(engine, run)!.Value;

        Assert.Equal(cells.Length / 1600.0, summary.OccupiedFraction, 12);
        double mx = cells.Average(c => c.X), my = cells.Average(c => c.Y);
        Assert.Equal(Math.Sqrt(cells.Average(c => (c.X - mx) * (c.X - mx) + (c.Y - my) * (c.Y - my))), summary.RadiusOfGyration, 9);
        if (resistant.Length == 0)
        {
            Assert.True(double.IsNaN(summary.MeanDistanceResistantToSensitive));
            Assert.Equal(0, summary.ResistantPatches);
            return;
        }
        double meanDistance = resistant.Average(r => sensitive.Min(s => Math.Max(Math.Abs(r.X - s.X), Math.Abs(r.Y - s.Y))));
        Assert.Equal(meanDistance, summary.MeanDistanceResistantToSensitive, 12);
        Assert.Equal(Patches(resistant), summary.ResistantPatches);
    }

    private static int Patches(AgentCell[] resistant)
    {
        var parent = Enumerable.Range(0, resistant.Length).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (int i = 0; i < resistant.Length; i++)
            for (int j = i + 1; j < resistant.Length; j++)
                if (Math.Max(Math.Abs(resistant[i].X - resistant[j].X), Math.Abs(resistant[i].Y - resistant[j].Y)) == 1)
                    parent[Find(i)] = Find(j);
        return Enumerable.Range(0, resistant.Length).Count(i => Find(i) == i);
    }
}
