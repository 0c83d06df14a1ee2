using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Model;
using ResistanceSim.Verification.Support;
using Xunit.Abstractions;

namespace ResistanceSim.Verification;

/// <summary>
/// Tau on the small McFarland case of docs/engines.md (issue #19): 1,000 cells with no net growth,
/// so tau leaps from sample to sample (10 days) while mutants keep being founded and must mutate
/// again within the leap. Seeded scenarios (seed 13), 1,000 runs per engine; each check fails below
/// p = 1e-4, and means are compared within 4.5 standard errors of their difference.
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

    private static Scenario Stopped(string name, EngineKind engine, double days)
    {
        var scenario = VerificationScenarios.Load(name, engine);
        return scenario with { Stop = scenario.Stop with { Days = days } };
    }
}
