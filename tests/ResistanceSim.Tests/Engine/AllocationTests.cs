using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>The inner loops allocate nothing once warm: per event (exact) and per leap (tau, hybrid).</summary>
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

    [Fact]
    public void TauEngineAllocatesNothingPerLeapOfHugeClones()
    {
        // The tau benchmark's system: 100 clones of 1e6 cells, whose counts take the normal limit (ziggurat normals).
        var engine = new TauLeaping();
        long allocated = AllocatedDuringRepeatedRun(ReferenceScenarios.ManyClones(100, 1_000_000, 20, EngineKind.Tau, death: 0.9), engine, out long before);
        Assert.True(engine.CloneSteps - before > 1_000, "the measured run must take many leaps");
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HybridEngineAllocatesNothingPerLeapAfterWarmUp(bool mutationPerDay)
    {
        // The 10,000 sensitive cells leap while their mutants (u = 1e-3 per division, or 1e-3 per cell per day)
        // start exact and cross over at 5,000.
        var scenario = ReferenceScenarios.LuriaDelbruck(1.0, 1e-3, 10_000, 4, EngineKind.Hybrid);
        if (mutationPerDay) scenario = MutationPerDayTests.PerDay(scenario, 1e-3);
        scenario = scenario with
        {
            Sampling = scenario.Sampling with { EveryDays = 0.5 },
            Engine = scenario.Engine with { HybridThresholdCells = 5_000 },
        };
        var engine = new HybridMethod();
        long exactBefore = 0, jumpsBefore = 0;
        long allocated = AllocatedDuringRepeatedRun(scenario, engine, out long leapsBefore, () =>
        {
            exactBefore = engine.ExactEventsInLeaps;
            jumpsBefore = engine.LineJumps;
        });
        Assert.True(engine.Leaps - leapsBefore > 20, "the measured run must take many leaps");
        // Small clones beside them, followed both ways: event by event and from one emission to the next.
        long events = engine.ExactEventsInLeaps - exactBefore, jumps = engine.LineJumps - jumpsBefore;
        Assert.True(events > 100 && jumps > 20, $"with exact small clones beside them ({events} events, {jumps} jumps, {engine.Leaps - leapsBefore} leaps)");
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// Runs the same replicate three times to warm up — JIT tiering (including on-stack replacement
    /// of the hot loop) and every array's growth to the size this replicate needs — then measures the
    /// bytes this thread allocates while the algorithm simulates it once more (set-up excluded).
    /// Another replicate could legitimately need a larger clone table than the warm-up grew.
    /// </summary>
    private static long AllocatedDuringRepeatedRun<T>(Scenario scenario, T engine, out long workBefore, Action? afterWarmUp = null) where T : ISimulationAlgorithm
    {
        var run = new SimulationRun(scenario);
        for (int warmUp = 0; warmUp < 3; warmUp++) Simulator.Run(run, engine, new WorkUnit(0, 0, 0), null);
        workBefore = engine switch { DirectMethod d => d.Events, TauLeaping t => t.CloneSteps, HybridMethod h => h.Leaps, _ => 0 };
        afterWarmUp?.Invoke();
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
