using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Verification.Support;

namespace ResistanceSim.Verification;

/// <summary>
/// The exact engine's clone and channel selection (composition–rejection with each group's bound tracked, one uniform
/// reused for the channel, a select between birth and death) against the direct method as Gillespie wrote it
/// (<see cref="TextbookDirectMethod"/>): two-sample Kolmogorov–Smirnov on every clone's final size and on the total,
/// 1,000 seeded runs a side (KS detects a CDF gap of about 0.09 at this size); each check fails below p = 1e-4.
/// Clone sizes 1 to 34 at b = d = 1 put the clones' weights in six binary groups, and over four days clones cross
/// groups, shrink below a group's bound and die out, so every path of the selection is exercised.
/// </summary>
[Trait("Category", "Verification")]
public class ExactSelectionTests
{
    private const int N = 1_000;
    private const double Significance = 1e-4;
    private const double Days = 4;
    private static readonly long[] InitialCells = [1, 2, 3, 5, 8, 13, 21, 34];

    [Fact]
    public void EveryClonesFinalSizeMatchesTheTextbookDirectMethod()
    {
        var engine = ExactEngineRuns();
        var textbook = Enumerable.Range(0, N).Select(r => TextbookDirectMethod.Run(InitialCells, 1, 1, Days, seed: 900_000 + (ulong)r)).ToArray();

        for (int c = 0; c < InitialCells.Length; c++)
        {
            var ks = KolmogorovSmirnovTest.TwoSample([.. engine.Select(e => (double)e[c])], [.. textbook.Select(t => (double)t[c])]);
            Assert.True(ks.PValue > Significance, $"clone of {InitialCells[c]} cells: D = {ks.Statistic:F3}, p = {ks.PValue:E2}");
        }
        var totals = KolmogorovSmirnovTest.TwoSample([.. engine.Select(e => (double)e.Sum())], [.. textbook.Select(t => (double)t.Sum())]);
        Assert.True(totals.PValue > Significance, $"total cells: D = {totals.Statistic:F3}, p = {totals.PValue:E2}");
        Assert.True(engine.Count(e => e[0] == 0) > N / 10, "the one-cell clone must die out often, or retiring is not exercised");
    }

    /// <summary>Each initial clone's cells at the end of N seeded exact runs (0 once it died out).</summary>
    private static long[][] ExactEngineRuns()
    {
        var scenario = ReferenceScenarios.ManyClones(InitialCells.Length, 1, Days, EngineKind.Exact, seed: 19);
        scenario = scenario with
        {
            Population = scenario.Population with { Initial = [.. InitialCells.Select(n => new InitialClone([], n))] },
        };
        var run = new SimulationRun(scenario);
        var algorithm = new DirectMethod();
        var ends = new long[N][];
        for (int r = 0; r < N; r++)
        {
            Simulator.Run(run, algorithm, new WorkUnit(0, 0, r), observer: null);
            var cells = new long[InitialCells.Length];
            for (int i = 0; i < run.Clones.Count; i++) cells[run.Clones.RegistryId[i]] += run.Clones.Cells[i];
            ends[r] = cells;
        }
        return ends;
    }
}
