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
        // 1e6 cells filling a 1000 × 1000 dish: 8 bytes per site (occupant, position) and 4 per cell (its clone's list,
        // grown by doubling to 2^20 entries), about 12.2 bytes per cell retained after layout.
        const int side = 1000;
        var scenario = AgentScenarios.Load(AgentScenarios.Colony($"{{ dims: 2, size: [{side}, {side}], layout: dish }}", side * side, 1.0, 0.0, 0.001));
        var run = new SimulationRun(scenario);
        var engine = new AgentMethod();
        run.Start(new WorkUnit(0, 0, 0), null, engine.Listener);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        engine.Begin(run);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(engine);
        double perCell = (after - before) / (double)(side * side);
        Assert.Equal(side * side, engine.Cells().Count());
        Assert.InRange(perCell, 12.0, 16.0);
    }
}
