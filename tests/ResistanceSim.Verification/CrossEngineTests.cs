using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Verification.Support;

namespace ResistanceSim.Verification;

/// <summary>
/// Tau and hybrid against the exact engine (issue #5): two-sample Kolmogorov–Smirnov on final sizes
/// and on the time of resistance-driven regrowth, 1,000 replicates per engine and scenario (KS
/// detects a CDF gap of about 0.09 at this size); each check fails below p = 1e-4. The scenarios set
/// small hybrid thresholds so the hybrid engine really leaps and clones cross regimes.
/// </summary>
[Trait("Category", "Verification")]
public class CrossEngineTests
{
    private const int N = 1_000;
    private const double Significance = 1e-4;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in new[] { "pure-growth", "treatment-preexisting", "phenotype-switching" })
            foreach (var engine in new[] { "tau", "hybrid" })
                data.Add(scenario, engine);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FinalSizesAndRegrowthTimesMatchTheExactEngine(string scenarioName, string engine)
    {
        var exact = Replicates.Run(VerificationScenarios.Load(scenarioName, EngineKind.Exact), "exact", N);
        var other = Replicates.Run(VerificationScenarios.Load(scenarioName, Replicates.Named(engine).Kind), engine, N);

        var sizes = KolmogorovSmirnovTest.TwoSample(Sizes(exact), Sizes(other));
        Assert.True(sizes.PValue > Significance, $"{scenarioName}, {engine}: final sizes D = {sizes.Statistic:F3}, p = {sizes.PValue:E2}");

        if (scenarioName == "pure-growth") return;   // no treatment, so no regrowth to time
        Assert.True(exact.Count(e => e.Outcome == RunOutcome.Progressed) > N / 10, "the scenario must regrow often enough to test the timing");
        var times = KolmogorovSmirnovTest.TwoSample(RegrowthDays(exact), RegrowthDays(other));
        Assert.True(times.PValue > Significance, $"{scenarioName}, {engine}: regrowth times D = {times.Statistic:F3}, p = {times.PValue:E2}");
    }

    [Fact]
    public void TheHybridEngineLeapsAndCrossesRegimesInTheseScenarios()
    {
        // Without this the hybrid comparisons above could pass by running everything exactly.
        var hybrid = new HybridMethod();
        Replicates.Run(VerificationScenarios.Load("treatment-preexisting", EngineKind.Hybrid), hybrid, 20);
        Assert.True(hybrid.Leaps > 0, "no leaps");
        Assert.True(hybrid.ExactEventsInLeaps > 0, "no exact events next to leaping clones");
        Assert.True(hybrid.DirectEvents > 0, "never all-small (the population shrinks below the threshold under drug)");
    }

    private static double[] Sizes(ReplicateEnd[] ends) => [.. ends.Select(e => (double)e.FinalCells)];

    /// <summary>Day of progression (regrowth to 1.2 × nadir), or the end day for runs that did not regrow (censored at the same day for all engines).</summary>
    private static double[] RegrowthDays(ReplicateEnd[] ends) => [.. ends.Select(e => e.Outcome == RunOutcome.Progressed ? e.EndDay : double.MaxValue)];
}
