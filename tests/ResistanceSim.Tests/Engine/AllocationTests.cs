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
        long allocated = AllocatedDuringSecondRun(TestScenarios.BypassUnderTreatment(false, EngineKind.Exact, days: 30), engine, out long before);
        Assert.True(engine.Events - before > 50_000, "the measured run must simulate many events");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TauEngineAllocatesNothingPerLeapAfterWarmUp()
    {
        var engine = new TauLeaping();
        long allocated = AllocatedDuringSecondRun(TestScenarios.BypassUnderTreatment(false, EngineKind.Tau, days: 30), engine, out long before);
        Assert.True(engine.CloneSteps - before > 100, "the measured run must take many leaps");
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// Runs once to warm up (JIT, array growth), then measures the bytes this thread allocates
    /// while the algorithm simulates a second replicate (set-up excluded).
    /// </summary>
    private static long AllocatedDuringSecondRun<T>(Scenario scenario, T engine, out long workBefore) where T : ISimulationAlgorithm
    {
        var run = new SimulationRun(scenario);
        Simulator.Run(run, engine, new WorkUnit(0, 0, 0), null);
        workBefore = engine switch { DirectMethod d => d.Events, TauLeaping t => t.CloneSteps, _ => 0 };
        run.Start(new WorkUnit(0, 0, 1), null, engine.Listener);
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
