using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Agents;

/// <summary>Memory is measured process-wide (GC.GetTotalMemory), so this class runs alone: a test class allocating in
/// parallel moved the figure out of its range in one full run of the suite.</summary>
[CollectionDefinition(nameof(AgentMemoryTests), DisableParallelization = true)]
public sealed class AgentMemoryTestsCollection;

/// <summary>What a lattice of agents costs per cell.</summary>
[Collection(nameof(AgentMemoryTests))]
public class AgentMemoryTests
{
    [Fact]
    public void AFullMillionSiteLatticeHoldsItsCellsInAtMostSixteenBytesEach()
    {
        // 1e6 cells filling a 1000 × 1000 dish: 8 bytes per site (occupant, position), one occupancy bit per site, 4
        // bytes per cell (its clone's list, grown by doubling to 2^20 entries) and the chunks of eight sites (4 bytes
        // each, the list grown to 2^17, and a bit each), about 12.8 bytes per cell retained after layout.
        // Even alone, the figure moves when another thread's garbage is collected during the measurement (by 0.3 bytes
        // per cell in one CI run): the median of three layouts is taken.
        double[] perCell = [.. Enumerable.Range(0, 3).Select(_ => BytesPerCellOfAFullLattice(1000))];
        Assert.InRange(perCell.Order().ElementAt(1), 12.0, 16.0);
    }

    private static double BytesPerCellOfAFullLattice(int side)
    {
        var scenario = AgentScenarios.Load(AgentScenarios.Colony($"{{ dims: 2, size: [{side}, {side}], layout: dish }}", side * side, 1.0, 0.0, 0.001));
        var run = new SimulationRun(scenario);
        var engine = new AgentMethod();
        run.Start(new WorkUnit(0, 0, 0), null, engine.Listener);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        engine.Begin(run);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Equal(side * side, engine.Cells().Count());
        GC.KeepAlive(engine);
        return (after - before) / (double)(side * side);
    }
}
