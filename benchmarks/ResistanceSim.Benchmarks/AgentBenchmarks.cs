using BenchmarkDotNet.Attributes;
using ResistanceSim.Engine.Agents;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// Inner-loop throughput of the agent engine: one operation is one whole run; divide by the events it returns.
/// Lattice: a 500 × 500 dish seeded with 25,000 cells (b = 0.6, d = 0.1), 15 days to near confluence, so blocked
/// divisions (null events) dominate late. Well mixed: the exact engine's 100-clone system (100 × 1e4 cells, 5 days),
/// to compare the per-cell bookkeeping with <see cref="EngineBenchmarks.ExactHundredClones"/>.
/// </summary>
[MemoryDiagnoser]
public class AgentBenchmarks
{
    private SimulationRun _latticeRun = null!, _mixedRun = null!;
    private AgentMethod _lattice = null!, _mixed = null!;
    private int _replicate;

    [GlobalSetup]
    public void Setup()
    {
        var dish = ReferenceScenarios.LinearBirthDeath(0.6, 0.1, 25_000, 15, engine: EngineKind.Agents);
        _latticeRun = new SimulationRun(dish with
        {
            Space = new Lattice([500, 500], Neighbourhood.Moore, LatticeBoundary.Fixed, InitialLayout.Dish, 0),
        });
        _mixedRun = new SimulationRun(ReferenceScenarios.ManyClones(100, 10_000, 5, EngineKind.Agents));
        _lattice = new AgentMethod();
        _mixed = new AgentMethod();
    }

    [Benchmark]
    public long LatticeDish()
    {
        long before = _lattice.Events;
        Simulator.Run(_latticeRun, _lattice, new WorkUnit(0, 0, _replicate++), null);
        return _lattice.Events - before;
    }

    [Benchmark]
    public long WellMixedHundredClones()
    {
        long before = _mixed.Events;
        Simulator.Run(_mixedRun, _mixed, new WorkUnit(0, 0, _replicate++), null);
        return _mixed.Events - before;
    }
}
