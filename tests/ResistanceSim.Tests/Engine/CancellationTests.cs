using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// Every engine observes the run's cancellation token inside one advance, not only between checkpoints:
/// a stop requested before a 40-day advance (hundreds of thousands of events, thousands of leaps or steps)
/// ends it at the engine's next check. Without the in-loop checks the advance would run to its end and return normally.
/// </summary>
public class CancellationTests
{
    public static IEnumerable<object[]> Engines() => Algorithms.All.Select(a => new object[] { a.Name });

    [Theory]
    [MemberData(nameof(Engines))]
    public void AnAdvanceStopsAtTheEnginesNextCheck(string engineName)
    {
        var algorithm = EngineRunner.Named(engineName);
        var (run, engine) = StartedRun(algorithm);
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        run.Cancellation = stop.Token;
        double from = run.Day;

        Assert.Throws<OperationCanceledException>(() => engine.Advance(run, run.StopDay));
        Assert.True(run.Day < run.StopDay, $"{engineName} reached day {run.Day} of {run.StopDay} before stopping");
        Assert.True(run.Day >= from);
    }

    [Fact]
    public void TheExactEngineChecksEveryFewThousandEvents()
    {
        var (run, engine) = StartedRun(EngineRunner.Named("exact"));
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        run.Cancellation = stop.Token;

        Assert.Throws<OperationCanceledException>(() => engine.Advance(run, run.StopDay));
        Assert.Equal(CancellationCheck.EventsBetweenChecks, ((DirectMethod)engine).Events);
    }

    [Fact]
    public void AnUncancelledAdvanceOfTheSameRunReachesItsEnd()
    {
        // The control: the same advance without a stop request runs to the stop day (or to extinction).
        var (run, engine) = StartedRun(EngineRunner.Named("exact"));
        engine.Advance(run, run.StopDay);
        Assert.True(run.Day == run.StopDay || run.Clones.TotalCells == 0);
        Assert.True(((DirectMethod)engine).Events > CancellationCheck.EventsBetweenChecks);
    }

    /// <summary>1e4 cells under crizotinib for 40 days, started and begun but not advanced.</summary>
    private static (SimulationRun Run, ISimulationAlgorithm Engine) StartedRun(AlgorithmInfo algorithm)
    {
        var scenario = TestScenarios.BypassUnderTreatment(addErlotinib: false, algorithm.Kind);
        var run = new SimulationRun(scenario);
        var engine = algorithm.Create();
        run.Start(new WorkUnit(0, 0, 0), observer: null, engine.Listener);
        engine.Begin(run);
        return (run, engine);
    }
}
