using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;
using Xunit;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// The worker pool hands results to the caller in unit order, each once, one call at a time, whatever the thread count,
/// though the workers take turns writing (short units, so the writer's role changes hands often); an error of the
/// caller's stops the run and reaches the caller. Which worker writes which result depends on timing, so no test
/// asserts it.
/// </summary>
public class BatchRunnerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ShortUnitsReachTheWriterInOrderOnceEachAndAlikeAtAnyThreadCount(int threads)
    {
        var scenario = TestScenarios.BypassUnderTreatment(false, EngineKind.Tau, days: 2);
        var units = Enumerable.Range(0, 301).Select(r => new WorkUnit(0, 0, r)).ToArray();

        var seen = Consume(scenario, units, threads);
        var reference = Consume(scenario, units, 1);

        Assert.Equal(units.Select(u => u.Replicate), seen.Select(s => s.Replicate));
        Assert.Equal(reference, seen);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void NoTwoResultsAreWrittenAtOnceAndTheWorkersWriteThem(int threads)
    {
        var scenario = TestScenarios.BypassUnderTreatment(false, EngineKind.Tau, days: 2);
        var units = Enumerable.Range(0, 301).Select(r => new WorkUnit(0, 0, r)).ToArray();
        int inside = 0, mostInside = 0;
        int caller = Environment.CurrentManagedThreadId;
        bool onCaller = false;
        BatchRunner.Run(scenario, units, threads, Algorithms.All.First(a => a.Kind == EngineKind.Tau), s => new SimulationRun(s), _ =>
        {
            int now = Interlocked.Increment(ref inside);
            mostInside = Math.Max(mostInside, now);
            onCaller |= Environment.CurrentManagedThreadId == caller;
            Thread.SpinWait(2_000);   // long enough for another worker to finish a unit meanwhile
            Interlocked.Decrement(ref inside);
        }, CancellationToken.None);
        Assert.Equal(1, mostInside);
        Assert.False(onCaller, "results are written by the workers, not by the calling thread");
    }

    [Fact]
    public void AnErrorWhileWritingStopsTheRunAndReachesTheCaller()
    {
        var scenario = TestScenarios.BypassUnderTreatment(false, EngineKind.Tau, days: 2);
        var units = Enumerable.Range(0, 301).Select(r => new WorkUnit(0, 0, r)).ToArray();
        int written = 0;
        var error = Assert.Throws<IOException>(() => BatchRunner.Run(scenario, units, 2, Algorithms.All.First(a => a.Kind == EngineKind.Tau),
            s => new SimulationRun(s), result =>
            {
                if (result.Unit.Replicate == 50) throw new IOException("disk full");
                written++;
            }, CancellationToken.None));
        Assert.Equal("disk full", error.Message);
        Assert.Equal(50, written);
    }

    [Fact]
    public void ACancellationRaisedWhileWritingReachesTheCaller()
    {
        using var cancellation = new CancellationTokenSource();
        var scenario = TestScenarios.BypassUnderTreatment(false, EngineKind.Tau, days: 2);
        var units = Enumerable.Range(0, 301).Select(r => new WorkUnit(0, 0, r)).ToArray();
        Assert.Throws<OperationCanceledException>(() => BatchRunner.Run(scenario, units, 2, Algorithms.All.First(a => a.Kind == EngineKind.Tau),
            s => new SimulationRun(s), result =>
            {
                if (result.Unit.Replicate == 10) cancellation.Cancel();
                cancellation.Token.ThrowIfCancellationRequested();
            }, cancellation.Token));
    }

    private static List<(int Replicate, long FinalCells, int ClonesEver)> Consume(Scenario scenario, IReadOnlyList<WorkUnit> units, int threads)
    {
        var seen = new List<(int, long, int)>();
        int consumed = BatchRunner.Run(scenario, units, threads, Algorithms.All.First(a => a.Kind == EngineKind.Tau),
            s => new SimulationRun(s), result => seen.Add((result.Unit.Replicate, result.Summary.FinalCells, result.Summary.ClonesEver)),
            CancellationToken.None);
        Assert.Equal(units.Count, consumed);
        return seen;
    }
}
