using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>The inner loops allocate nothing once warm: per event (exact) and per leap (tau).</summary>
public class AllocationTests
{
    [Fact]
    public void ExactEngineAllocatesNothingPerEventAfterWarmUp()
    {
        // Treatment with a bypass clone: births, deaths, clone retirement, rate refreshes at samples.
        var engine = new DirectMethod();
        long allocated = AllocatedDuringRepeatedRun(TestScenarios.BypassUnderTreatment(false, EngineKind.Exact, days: 30), engine, out long before);
        Assert.True(engine.Events - before > 50_000, "the measured run must simulate many events");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TauEngineAllocatesNothingPerLeapAfterWarmUp()
    {
        var engine = new TauLeaping();
        long allocated = AllocatedDuringRepeatedRun(TestScenarios.BypassUnderTreatment(false, EngineKind.Tau, days: 30), engine, out long before);
        Assert.True(engine.CloneSteps - before > 100, "the measured run must take many leaps");
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// Runs the same replicate three times to warm up — JIT tiering (including on-stack replacement
    /// of the hot loop) and every array's growth to the size this replicate needs — then measures the
    /// bytes this thread allocates while the algorithm simulates it once more (set-up excluded).
    /// Another replicate could legitimately need a larger clone table than the warm-up grew.
    /// </summary>
    private static long AllocatedDuringRepeatedRun<T>(Scenario scenario, T engine, out long workBefore) where T : ISimulationAlgorithm
    {
        var run = new SimulationRun(scenario);
        for (int warmUp = 0; warmUp < 3; warmUp++) Simulator.Run(run, engine, new WorkUnit(0, 0, 0), null);
        workBefore = engine switch { DirectMethod d => d.Events, TauLeaping t => t.CloneSteps, _ => 0 };
        run.Start(new WorkUnit(0, 0, 0), null, engine.Listener);
        engine.Begin(run);
        long before = GC.GetAllocatedBytesForCurrentThread();
        while (!run.Finished)
        {
            engine.Advance(run, run.NextCheckpoint);
            run.ReachCheckpoint();
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
