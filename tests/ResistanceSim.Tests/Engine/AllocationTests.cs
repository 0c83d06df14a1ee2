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
        var scenario = TestScenarios.BypassUnderTreatment(false, EngineKind.Exact, days: 30);
        var run = new SimulationRun(scenario);
        var engine = new DirectMethod();
        Simulator.Run(run, engine, new WorkUnit(0, 0, 0), null);   // warm-up: JIT, array growth
        long events = engine.Events;

        run.Start(new WorkUnit(0, 0, 1), null, engine.Listener);
        engine.Begin(run);
        long before = GC.GetAllocatedBytesForCurrentThread();
        while (!run.Finished)
        {
            engine.Advance(run, run.NextCheckpoint);
            run.ReachCheckpoint();
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(engine.Events - events > 50_000, "the measured run must simulate many events");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void TauEngineAllocatesNothingPerLeapAfterWarmUp()
    {
        var scenario = TestScenarios.BypassUnderTreatment(false, EngineKind.Tau, days: 30);
        var run = new SimulationRun(scenario);
        var engine = new TauLeaping();
        Simulator.Run(run, engine, new WorkUnit(0, 0, 0), null);
        long steps = engine.CloneSteps;

        run.Start(new WorkUnit(0, 0, 1), null, engine.Listener);
        engine.Begin(run);
        long before = GC.GetAllocatedBytesForCurrentThread();
        while (!run.Finished)
        {
            engine.Advance(run, run.NextCheckpoint);
            run.ReachCheckpoint();
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(engine.CloneSteps - steps > 100, "the measured run must take many leaps");
        Assert.Equal(0, allocated);
    }
}
