using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Random;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// The hybrid engine's <c>hybrid_large_clones: flow</c> option: large clones follow n·e^{rt} rounded
/// stochastically to whole cells, instead of their exact (noisy) transition.
/// </summary>
public class HybridFlowTests
{
    private const double Lambda = 0.14, Mu = 0.13, Days = 100;
    private const long Start = 1_000_000;

    [Theory]
    [InlineData("", LargeCloneMode.Leap)]
    [InlineData("engine_settings: { hybrid_large_clones: flow }", LargeCloneMode.Flow)]
    [InlineData("engine_settings: { hybrid_large_clones: leap }", LargeCloneMode.Leap)]
    public void TheOptionBindsAndDefaultsToLeap(string settings, LargeCloneMode expected)
    {
        using var temp = new TempDirectory();
        string path = temp.File("flow.yaml", $$"""
            name: flow
            description: a scenario choosing how hybrid moves its large clones
            {{settings}}
            mechanisms: []
            population: { initial: [{ genotype: parental, cells: 10 }], b0_per_day: 1.0, d0_per_day: 0.5 }
            sampling: { every_days: 1 }
            stop: { days: 1 }
            """);
        Assert.Equal(expected, ResistanceSim.Scenarios.ScenarioLoader.Load(path).Scenario.Engine.HybridLargeClones);
    }

    [Fact]
    public void MeanFlowRoundsToANeighbouringIntegerWithoutBias()
    {
        // 1,000 cells for 0.5 days at r = 0.01: mean 1005.0125, rounded up with probability 0.0125.
        const int draws = 200_000;
        var rng = RandomStreams.ForWorkUnit(5, 0, 0, 0);
        double expected = 1000 * Math.Exp(0.01 * 0.5), sum = 0;
        for (int i = 0; i < draws; i++)
        {
            long cells = BirthDeathTransition.MeanFlow(ref rng, 1000, 0.5, 0.49, 0.5);
            Assert.InRange(cells, (long)Math.Floor(expected), (long)Math.Ceiling(expected));
            sum += cells;
        }
        double fraction = expected - Math.Floor(expected);
        double tolerance = 4.5 * Math.Sqrt(fraction * (1 - fraction) / draws);
        Assert.InRange(sum / draws, expected - tolerance, expected + tolerance);
    }

    [Fact]
    public void FlowMovesALargeCloneDeterministicallyWhereTheLeapKeepsItsNoise()
    {
        // 1e6 cells at λ = 0.14, μ = 0.13 for 100 days: mean 1e6·e = 2.718e6, exact sd = √(variance) ≈ 1.4e4.
        double mean = ClosedForms.Mean(Lambda, Mu, Start, Days);
        double sd = Math.Sqrt(ClosedForms.Variance(Lambda, Mu, Start, Days));

        var flow = Ends(LargeCloneMode.Flow, out long flowLeaps);
        // Each leap's rounding moves the count by less than one cell, later multiplied by at most e^{r·100 days} = e.
        Assert.All(flow, cells => Assert.InRange(cells, mean - Math.E * flowLeaps, mean + Math.E * flowLeaps));
        Assert.True(Math.E * flowLeaps < 0.1 * sd, $"the bound ({Math.E * flowLeaps:F0} cells) must be far inside the exact noise ({sd:F0})");

        var leap = Ends(LargeCloneMode.Leap, out _);
        Assert.True(leap.Max() - leap.Min() > sd, "the default leap keeps the clone's demographic noise");
    }

    private static long[] Ends(LargeCloneMode mode, out long leapsPerRun)
    {
        var scenario = ReferenceScenarios.LinearBirthDeath(Lambda, Mu, Start, Days, engine: EngineKind.Hybrid, seed: 9);
        scenario = scenario with { Engine = scenario.Engine with { HybridLargeClones = mode } };
        var run = new SimulationRun(scenario);
        var hybrid = new HybridMethod();
        var ends = new long[20];
        for (int r = 0; r < ends.Length; r++)
        {
            Simulator.Run(run, hybrid, new WorkUnit(0, 0, r), observer: null);
            ends[r] = run.Clones.TotalCells;
        }
        leapsPerRun = hybrid.Leaps / ends.Length;
        return ends;
    }
}
