using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Model;
using ResistanceSim.Verification.Support;
using Xunit.Abstractions;

namespace ResistanceSim.Verification;

/// <summary>
/// The hybrid engine where phenotype switching moves more cells than growth does and both phenotypes are large clones
/// (<c>switching-exchange.yaml</c>): what its leap rule bounds is the switching cells a large clone takes at the end of a
/// leap (<see cref="SwitchFlowLimit"/>), and the cells sent into a new sibling while it is small are born exact.
/// Two-sample KS against the exact engine, 1,000 runs a side with fixed seeds (a CDF gap of about 0.1 fails at
/// p = 1e-4, as in <see cref="CrossEngineTests"/>), on the total and on the cells in the switched state at day 10.
/// </summary>
[Trait("Category", "Verification")]
public class HybridSwitchingTests(ITestOutputHelper output)
{
    private const int N = 1_000;
    private const double Significance = 1e-4;
    private const string Scenario = "switching-exchange";

    [Fact]
    public void LargeClonesTradingCellsMatchTheExactEngine()
    {
        var exact = Replicates.Run(VerificationScenarios.Load(Scenario, EngineKind.Exact), "exact", N);
        var hybrid = new HybridMethod();
        var leapt = Replicates.Run(VerificationScenarios.Load(Scenario, EngineKind.Hybrid), hybrid, N);

        // Without these the comparison could pass with the switched state small or everything exact.
        Assert.True(hybrid.Leaps > 0, "no leaps");
        Assert.True(exact.Average(e => e.CellsByMechanism[0]) > 3 * 300, "the switched state must end well above the hybrid threshold");

        var totals = KolmogorovSmirnovTest.TwoSample(CrossEngineTests.Sizes(exact), CrossEngineTests.Sizes(leapt));
        Assert.True(totals.PValue > Significance, $"total at day 10 D = {totals.Statistic:F3}, p = {totals.PValue:E2}");
        var switched = KolmogorovSmirnovTest.TwoSample(Switched(exact), Switched(leapt));
        output.WriteLine($"total {exact.Average(e => (double)e.FinalCells):F1} vs hybrid {leapt.Average(e => (double)e.FinalCells):F1} (D {totals.Statistic:F3}, p {totals.PValue:E2}); " +
            $"switched {Switched(exact).Average():F1} vs {Switched(leapt).Average():F1} (D {switched.Statistic:F3}, p {switched.PValue:E2}); {hybrid.Leaps / (double)N:F0} leaps a run");
        Assert.True(switched.PValue > Significance, $"switched cells at day 10 D = {switched.Statistic:F3}, p = {switched.PValue:E2}");
    }

    private static double[] Switched(ReplicateEnd[] ends) => [.. ends.Select(e => (double)e.CellsByMechanism[0])];
}
