using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// Mutation per unit time (a mechanism's <c>rate_per_day</c>, OncoSimulR's mutationPropGrowth = FALSE): a cell
/// gives rise to a mutant at ν per day whatever its birth rate, and is itself unchanged. Checked on every
/// stochastic engine against two closed forms.
/// </summary>
public class MutationPerDayTests
{
    [Theory]
    [MemberData(nameof(EngineRunner.AllAlgorithms), MemberType = typeof(EngineRunner))]
    public void AStaticPopulationGivesRiseToAPoissonNumberOfMutantsAndKeepsEveryCell(string algorithm)
    {
        // N = 10,000 cells that neither divide nor die, ν = 1e-3 per day, 10 days: mutants ~ Poisson(N·ν·t = 100).
        // Per division this population would never mutate. 2,000 replicates: SE of the mean √(100/2000) = 0.22.
        const long cells = 10_000;
        const double nu = 1e-3, days = 10;
        const int replicates = 2_000;
        var scenario = PerDay(ReferenceScenarios.LinearBirthDeath(0, 0, cells, days, seed: 31), nu);
        var ends = EngineRunner.Replicates(scenario, EngineRunner.Named(algorithm), replicates);

        Assert.All(ends, e => Assert.Equal(cells, e.FinalCells - e.CellsByMechanism[0]));   // the parents are all still there
        var mutants = ends.Select(e => (double)e.CellsByMechanism[0]).ToArray();
        double mean = cells * nu * days;
        double tolerance = Tolerance.ForMean(mean, replicates);
        Assert.InRange(Tolerance.Mean(mutants), mean - tolerance, mean + tolerance);
        double varianceTolerance = Tolerance.ForVariance(mutants);
        Assert.InRange(Tolerance.Variance(mutants), mean - varianceTolerance, mean + varianceTolerance);
    }

    [Theory]
    [MemberData(nameof(EngineRunner.AllAlgorithms), MemberType = typeof(EngineRunner))]
    public void GrowingCulturesFollowTheLeaCoulsonDistribution(string algorithm)
    {
        // 100 cells divide at λ = 1/day, no death; mutants arise at ν per cell per day and grow at λ too. Mutation
        // events by t are Poisson with m = ν·∫n dt = ν·N0·(e^{λt} − 1)/λ; choose t for m = 1 (cultures of ≈ 2e4
        // cells, so the hybrid engine leaps the wild type), and the mutant count is Lea–Coulson(m). 1,000 cultures,
        // fixed seed.
        const double nu = 5e-5, lambda = 1.0;
        const long n0 = 100;
        const int cultures = 1_000;
        double t = Math.Log(1 + lambda / (nu * n0)) / lambda;
        var scenario = PerDay(ReferenceScenarios.LuriaDelbruck(lambda, 0, n0, t, seed: 1944), nu);
        LuriaDelbruckTests.AssertLeaCoulsonWithMeanOne(EngineRunner.Replicates(scenario, EngineRunner.Named(algorithm), cultures));
    }

    /// <summary>The scenario with one neutral mechanism, acquired at <paramref name="nu"/> per cell per day and never at division.</summary>
    internal static Scenario PerDay(Scenario scenario, double nu) => scenario with
    {
        Catalog = new MechanismCatalog([new FitnessMutation("resistance", 0, 0) { RatePerDay = nu }], 0),
        Population = scenario.Population with { Lineage = LineageMode.PerGenotype },
    };
}
