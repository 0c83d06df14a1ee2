using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Model;
using ResistanceSim.Verification.Support;
using Xunit.Abstractions;

namespace ResistanceSim.Verification;

/// <summary>
/// Tau on the small McFarland case of docs/engines.md (issue #19): 1,000 cells with no net growth,
/// held at their density equilibrium only by the growth limitation that tau fixes for each leap,
/// while mutants keep being founded within leaps and must mutate again within them; the run stops at
/// 2,000 cells. Seeded scenarios (seed 13), 1,000 runs per engine; each check fails below p = 1e-4.
/// </summary>
[Trait("Category", "Verification")]
public class TauMcFarlandTests(ITestOutputHelper output)
{
    private const int N = 1_000;
    private const double Significance = 1e-4;

    [Theory]
    [InlineData("mcfarland-mutations", 10)]
    [InlineData("mcfarland-mutations", 20)]
    [InlineData("mcfarland-mutations-per-day", 10)]
    [InlineData("mcfarland-mutations-per-day", 20)]
    public void GenotypesFoundedWithinLongLeapsMatchTheExactEngine(string scenarioName, double days)
    {
        var exact = Replicates.Run(Stopped(scenarioName, EngineKind.Exact, days), "exact", N);
        var tau = Replicates.Run(Stopped(scenarioName, EngineKind.Tau, days), "tau", N);
        Assert.True(exact.Average(e => e.LivingClones) > 2, "multi-mutant genotypes must arise by then");

        var living = KolmogorovSmirnovTest.TwoSample([.. exact.Select(e => (double)e.LivingClones)], [.. tau.Select(e => (double)e.LivingClones)]);
        var carriers = KolmogorovSmirnovTest.TwoSample([.. exact.Select(e => (double)e.CellsByMechanism[0])], [.. tau.Select(e => (double)e.CellsByMechanism[0])]);
        output.WriteLine($"day {days}: living genotypes {exact.Average(e => e.LivingClones):F2} vs tau {tau.Average(e => e.LivingClones):F2} (p {living.PValue:E2}); G1 carriers {exact.Average(e => (double)e.CellsByMechanism[0]):F1} vs {tau.Average(e => (double)e.CellsByMechanism[0]):F1} (p {carriers.PValue:E2})");
        Assert.True(living.PValue > Significance, $"living genotypes at day {days}: D = {living.Statistic:F3}, p = {living.PValue:E2}");
        Assert.True(carriers.PValue > Significance, $"cells carrying G1 at day {days}: D = {carriers.Statistic:F3}, p = {carriers.PValue:E2}");
    }

    [Theory]
    [InlineData("mcfarland-mutations")]
    [InlineData("mcfarland-mutations-per-day")]
    public void TheTotalAtDayTenMatchesTheExactEngine(string scenarioName)
    {
        // Before any run reaches 2,000 cells. Leaping with the growth limitation held while the total wandered
        // (no drift, so no bound on the leap) gave 1,235 and 1,276 cells on average at day 10 against 1,088 and 1,085.
        var exact = Replicates.Run(Stopped(scenarioName, EngineKind.Exact, 10), "exact", N);
        var tau = Replicates.Run(Stopped(scenarioName, EngineKind.Tau, 10), "tau", N);
        var totals = KolmogorovSmirnovTest.TwoSample([.. exact.Select(e => (double)e.FinalCells)], [.. tau.Select(e => (double)e.FinalCells)]);
        output.WriteLine($"{scenarioName}: cells at day 10 {exact.Average(e => (double)e.FinalCells):F1} vs tau {tau.Average(e => (double)e.FinalCells):F1} (p {totals.PValue:E2})");
        Assert.True(totals.PValue > Significance, $"cells at day 10: D = {totals.Statistic:F3}, p = {totals.PValue:E2}");
    }

    [Theory]
    [InlineData("mcfarland-mutations")]
    [InlineData("mcfarland-mutations-per-day")]
    public void TimeToTwoThousandCellsMatchesTheExactEngine(string scenarioName)
    {
        var exact = Replicates.Run(VerificationScenarios.Load(scenarioName, EngineKind.Exact), "exact", N);
        var tau = Replicates.Run(VerificationScenarios.Load(scenarioName, EngineKind.Tau), "tau", N);
        Assert.All(exact.Concat(tau), e => Assert.True(e.FinalCells >= 2_000, $"a run ended at day {e.EndDay} with {e.FinalCells} cells"));

        var days = KolmogorovSmirnovTest.TwoSample([.. exact.Select(e => e.EndDay)], [.. tau.Select(e => e.EndDay)]);
        output.WriteLine($"{scenarioName}: day of 2,000 cells {exact.Average(e => e.EndDay):F2} vs tau {tau.Average(e => e.EndDay):F2} (p {days.PValue:E2}); cells at the stop {exact.Average(e => (double)e.FinalCells):F0} vs {tau.Average(e => (double)e.FinalCells):F0}");
        Assert.True(days.PValue > Significance, $"day of 2,000 cells: D = {days.Statistic:F3}, p = {days.PValue:E2}");
    }

    private static Scenario Stopped(string name, EngineKind engine, double days)
    {
        var scenario = VerificationScenarios.Load(name, engine);
        return scenario with { Stop = scenario.Stop with { Days = days } };
    }
}
