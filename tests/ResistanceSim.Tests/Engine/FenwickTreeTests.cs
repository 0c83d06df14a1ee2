using FsCheck;
using FsCheck.Fluent;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Engine.State;
using ResistanceSim.Model;
using ResistanceSim.Testing;

namespace ResistanceSim.Tests.Engine;

public class FenwickTreeTests
{
    [Fact]
    public void FindAndTotalAgreeWithALinearScanAfterAnyUpdates()
    {
        // Random sizes, weights and updates: Find(target) must pick the slot a linear scan picks.
        PropertyCheck.Verify(Prop.ForAll(
            Gen.Choose(1, 70).SelectMany(size => Gen.ArrayOf(Gen.Choose(0, 1000), size)).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(0, 1_000_000)).ToArbitrary(),
            (int[] initial, int[] updates) =>
            {
                var tree = new FenwickTree(4);
                tree.SetSize(initial.Length);
                var weights = initial.Select(w => (double)w).ToArray();
                for (int i = 0; i < weights.Length; i++) tree.Set(i, weights[i]);
                foreach (int update in updates)
                {
                    int index = update % weights.Length;
                    weights[index] = update % 997;
                    tree.Set(index, weights[index]);
                }
                double total = weights.Sum();
                if (Math.Abs(tree.Total - total) > 1e-9 * Math.Max(1, total)) return false;
                for (double target = 0.5; target < total; target += Math.Max(1, total / 37))
                {
                    int expected = 0;
                    double cumulative = weights[0];
                    while (cumulative <= target) cumulative += weights[++expected];
                    if (tree.Find(target) != expected) return false;
                }
                return true;
            }));
    }

    [Fact]
    public void ShrinkingAndRegrowingKeepsEveryPartialSumCurrent()
    {
        var tree = new FenwickTree(8);
        tree.SetSize(8);
        for (int i = 0; i < 8; i++) tree.Set(i, i + 1);
        tree.SetSize(3);
        Assert.Equal(6, tree.Total);
        tree.SetSize(8);
        Assert.Equal(6, tree.Total);
        Assert.Equal(2, tree.Find(5.5));
        tree.Set(7, 10);
        Assert.Equal(7, tree.Find(6.5));
    }

    [Fact]
    public void FindNeverReturnsAnEmptySlotEvenAtTheTopEnd()
    {
        var tree = new FenwickTree();
        tree.SetSize(5);
        tree.Set(1, 0.1);
        tree.Set(2, 0.2);
        Assert.Equal(2, tree.Find(tree.Total));        // rounding past the total clamps to the last positive slot
        Assert.Equal(1, tree.Find(0.0));                // slot 0 is empty
    }

    [Fact]
    public void RebuildRemovesRoundingDriftThatRepeatedUpdatesAccumulate()
    {
        var tree = new FenwickTree();
        tree.SetSize(64);
        var random = new System.Random(3);
        for (int step = 0; step < 200_000; step++)
            tree.Set(random.Next(64), random.NextDouble() * Math.Pow(10, random.Next(-8, 9)));
        double exact = tree.ExactTotal();
        tree.Rebuild();
        Assert.Equal(exact, tree.Total, 1e-12 * exact);
    }

    [Fact]
    public void ExactEngineRebuildsItsSumsEveryKEventsSoDriftStaysBounded()
    {
        // The running totals beside the trees drift between rebuilds; after a run the drift must be
        // tiny relative to the total rate, because the engine rebuilds every K events.
        var scenario = ReferenceScenarios.ManyClones(100, 1_000, 20, EngineKind.Exact);
        scenario = scenario with { Engine = scenario.Engine with { FenwickRefreshEvents = 10_000 } };
        var run = new SimulationRun(scenario);
        var engine = new DirectMethod();
        Simulator.Run(run, engine, new WorkUnit(0, 0, 0), null);
        Assert.True(engine.Events > 100_000);
        double total = run.Clones.TotalCells * 2.0;
        Assert.True(engine.TotalDrift < 1e-9 * total, $"drift {engine.TotalDrift} of total rate {total}");
    }
}
