using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;
using Xunit;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// The worker pool hands results to the writer in unit order, each once, whatever the thread count — also now that
/// the writer is woken for runs of results rather than for each (short units, so most results find it asleep, and a
/// count that leaves a last run short of a batch).
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
