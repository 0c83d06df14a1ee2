using BenchmarkDotNet.Attributes;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;

namespace ResistanceSim.Benchmarks;

/// <summary>
/// Inner-loop throughput of the stochastic engines on the reference 100-clone system (issue #2):
/// one operation is one whole run; divide by the reported events / clone-steps per run.
/// Exact: 100 clones × 1e4 cells, 5 days ≈ 1e7 events. Tau: 100 clones × 1e6 cells growing at r = 0.1/day for 100 days (≈ 330 leaps of ε/r).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private SimulationRun _exactRun = null!, _tauRun = null!;
    private DirectMethod _exact = null!;
    private TauLeaping _tau = null!;
    private int _replicate;

    [GlobalSetup]
    public void Setup()
    {
        _exactRun = new SimulationRun(ReferenceScenarios.ManyClones(100, 10_000, 5, EngineKind.Exact));
        _tauRun = new SimulationRun(ReferenceScenarios.ManyClones(100, 1_000_000, 100, EngineKind.Tau, death: 0.9));
        _exact = new DirectMethod();
        _tau = new TauLeaping();
    }

    [Benchmark]
    public long ExactHundredClones()
    {
        long before = _exact.Events;
        Simulator.Run(_exactRun, _exact, new WorkUnit(0, 0, _replicate++), null);
        return _exact.Events - before;
    }

    [Benchmark]
    public long TauHundredClones()
    {
        long before = _tau.CloneSteps;
        Simulator.Run(_tauRun, _tau, new WorkUnit(0, 0, _replicate++), null);
        return _tau.CloneSteps - before;
    }
}
