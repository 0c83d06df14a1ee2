using ResistanceSim.Engine.Exposure;
using ResistanceSim.Model;

namespace ResistanceSim.Tests.Biology;

/// <summary>The protocol runtime: phase kinds, feedback through Observe, change points, media changes.</summary>
public class ProtocolScheduleTests
{
    private static readonly Drug A = new("a", [new DrugTarget(Pathway.Alk, 10, 1)], 1, true, null, InVitroPk.Stable);
    private static readonly Drug B = new("b", [new DrugTarget(Pathway.Egfr, 10, 1)], 1, true, null, InVitroPk.Stable);
    private static readonly Drug Decaying = new("a", [new DrugTarget(Pathway.Alk, 10, 1)], 1, true, null, new InVitroPk(2));

    private static ProtocolSchedule Schedule(double capacity, params ProtocolPhase[] phases) =>
        new(new Protocol(phases), [A, B], capacity);

    private static double[] At(IExposureSchedule schedule, double day)
    {
        var c = new double[schedule.DrugCount];
        schedule.TotalConcentrations(day, c);
        return c;
    }

    [Fact]
    public void SequentialPhasesByTimeChangeDoseAndDrug()
    {
        var s = Schedule(double.PositiveInfinity,
            new ContinuousPhase(10, [new FixedConcentration("a", 100)]),
            new ContinuousPhase(5, [new FixedConcentration("a", 300), new FixedConcentration("b", 50)]),
            new ContinuousPhase(5, []));
        Assert.Equal([100, 0], At(s, 9.5));
        Assert.Equal(10, s.NextChangeAfter(9.5));
        Assert.Equal([300, 50], At(s, 10));
        Assert.Equal(15, s.NextChangeAfter(10));
        Assert.Equal([0, 0], At(s, 16));
        Assert.Equal([0, 0], At(s, 30));   // after the last phase: no drug
        Assert.Equal(double.PositiveInfinity, s.NextChangeAfter(30));
    }

    [Fact]
    public void IntermittentCyclesOnAndOffWithChangePointsAtEachSwitch()
    {
        var s = Schedule(double.PositiveInfinity, new IntermittentPhase(30, [new FixedConcentration("a", 100)], OnDays: 7, OffDays: 3));
        Assert.Equal(7, s.NextChangeAfter(0));
        Assert.Equal(100, At(s, 6.9)[0]);
        Assert.Equal(0, At(s, 7)[0]);
        Assert.Equal(10, s.NextChangeAfter(7));
        Assert.Equal(100, At(s, 10)[0]);
        Assert.Equal(17, s.NextChangeAfter(10));
        Assert.Equal(0, At(s, 29)[0]);
    }

    [Fact]
    public void AdaptivePausesBelowTheFractionOfBaselineAndResumesOnRegrowth()
    {
        var s = Schedule(double.PositiveInfinity, new AdaptivePhase(100, [new FixedConcentration("a", 100)], 0.5, 1.0));
        Assert.False(s.Observe(0, 1000, progressed: false));                 // baseline 1000, treating
        Assert.Equal(100, At(s, 1)[0]);
        Assert.False(s.Observe(5, 600, progressed: false));
        Assert.True(s.Observe(6, 500, progressed: false));                   // ≤ 50% of baseline: pause
        Assert.Equal(0, At(s, 7)[0]);
        Assert.False(s.Observe(10, 900, progressed: false));
        Assert.True(s.Observe(12, 1000, progressed: false));                 // back to baseline: resume
        Assert.Equal(100, At(s, 12.5)[0]);
    }

    [Fact]
    public void EscalationRaisesByTheFactorAtEachRegrowthToConfluenceUpToTheCeiling()
    {
        var s = Schedule(1e6, new EscalationPhase(200, "a", StartNanoMolar: 50, Factor: 2, CeilingNanoMolar: 300, RaiseAtConfluenceFraction: 0.8));
        Assert.Equal(50, At(s, 0)[0]);
        Assert.False(s.Observe(1, (long)2e5, progressed: false));
        Assert.True(s.Observe(5, (long)8e5, progressed: false));                   // regrew to 80% confluence: ×2
        Assert.Equal(100, At(s, 5)[0]);
        Assert.False(s.Observe(6, (long)9e5, progressed: false));                  // still confluent, not a regrowth: no raise
        Assert.False(s.Observe(7, (long)2e5, progressed: false));                  // split / died back
        Assert.True(s.Observe(12, (long)8.5e5, progressed: false));
        Assert.Equal(200, At(s, 12)[0]);
        s.Observe(13, (long)1e5, progressed: false);
        Assert.True(s.Observe(20, (long)9e5, progressed: false));
        Assert.Equal(300, At(s, 20)[0]);                  // capped at the ceiling (not 400)
        s.Observe(21, (long)1e5, progressed: false);
        Assert.False(s.Observe(30, (long)9e5, progressed: false));
        s.Reset(0);
        Assert.Equal(50, At(s, 0)[0]);
    }

    [Fact]
    public void PhaseUntilProgressionSwitchesWhenTheRunCallsProgression()
    {
        var s = Schedule(double.PositiveInfinity,
            new ContinuousPhase(100, [new FixedConcentration("a", 100)]) { EndsOnProgression = true },
            new ContinuousPhase(100, [new FixedConcentration("b", 100)]) { EndsOnProgression = true });
        Assert.False(s.Observe(0, 1000, progressed: false));
        Assert.False(s.Observe(20, 5000, progressed: false));   // the schedule keeps no nadir of its own: only the run's call counts
        Assert.True(s.Observe(25, 120, progressed: true));
        Assert.Equal(1, s.PhaseIndex);
        Assert.Equal([0, 100], At(s, 25));
        Assert.Equal(125, s.NextChangeAfter(25));         // the next phase's planned end counts from the switch
    }

    [Fact]
    public void ProgressionOnTheScanWhereAPhaseEndsByTimeEndsThatPhasesLineInsteadOfSkippingTheNext()
    {
        // Chemotherapy for 126 days or until progression, then crizotinib: progression read at the day-126 scan is
        // progression on chemotherapy, and the patient moves on to crizotinib (which must not be skipped).
        var s = Schedule(double.PositiveInfinity,
            new ContinuousPhase(126, [new FixedConcentration("a", 100)]) { EndsOnProgression = true },
            new ContinuousPhase(1000, [new FixedConcentration("b", 100)]) { EndsOnProgression = true },
            new ContinuousPhase(1000, []));
        Assert.Equal([0, 100], At(s, 126));               // by time, b has started
        Assert.True(s.Observe(126, 500, progressed: true));
        Assert.Equal(1, s.PhaseIndex);                    // still b: the switch lands where time already put it
        Assert.Equal(1126, s.NextChangeAfter(126));
        Assert.True(s.Observe(300, 900, progressed: true));   // progression on b itself moves on
        Assert.Equal(2, s.PhaseIndex);
    }

    [Fact]
    public void ProgressionSkipsTheRestOfANamedLine()
    {
        var s = Schedule(double.PositiveInfinity,
            new ContinuousPhase(126, [new FixedConcentration("a", 100)]) { EndsOnProgression = true, Line = "chemo" },
            new ContinuousPhase(1000, []) { EndsOnProgression = true, Line = "chemo" },
            new ContinuousPhase(1000, [new FixedConcentration("b", 100)]));
        Assert.True(s.Observe(84, 500, progressed: true));   // progression during the cycles: observation is skipped too
        Assert.Equal(2, s.PhaseIndex);
        Assert.Equal([0, 100], At(s, 84));
    }

    [Fact]
    public void PhaseUntilRegrowthSwitchesWhenThePopulationIsBackAtItsPhaseStartSize()
    {
        var s = Schedule(double.PositiveInfinity,
            new ContinuousPhase(100, [new FixedConcentration("a", 100)]) { EndsOnRegrowth = true },
            new ContinuousPhase(100, [new FixedConcentration("b", 100)]) { EndsOnRegrowth = true });
        Assert.False(s.Observe(0, 1000, progressed: false));                 // size at phase start
        Assert.False(s.Observe(5, 1200, progressed: false));                 // growing without having shrunk: no switch
        Assert.False(s.Observe(10, 100, progressed: false));
        Assert.False(s.Observe(20, 999, progressed: false));
        Assert.True(s.Observe(25, 1000, progressed: false));                 // regrown to the start size: switch to b
        Assert.Equal(1, s.PhaseIndex);
        Assert.Equal([0, 100], At(s, 25));
        Assert.False(s.Observe(30, 900, progressed: false));                 // b's start size is 900 (first sample in b)
        Assert.False(s.Observe(35, 800, progressed: false));
        Assert.True(s.Observe(40, 950, progressed: false));
    }

    [Fact]
    public void InVitroDecayRestartsAtMediaChanges()
    {
        var s = new ProtocolSchedule(new Protocol([new ContinuousPhase(10, [new FixedConcentration("a", 100)]) { MediaChangeEveryDays = 3 }]),
            [Decaying], double.PositiveInfinity);
        Assert.True(s.VariesContinuously);
        Assert.Equal(50, At(s, 2)[0], 1e-9);              // one half-life
        Assert.Equal(3, s.NextChangeAfter(2));
        Assert.Equal(100, At(s, 3)[0], 1e-6);             // fresh medium
        Assert.Equal(100 * Math.Pow(2, -0.5), At(s, 7)[0], 1e-6);
    }
}
