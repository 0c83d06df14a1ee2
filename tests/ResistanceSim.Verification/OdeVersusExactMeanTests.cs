using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Verification.Support;

namespace ResistanceSim.Verification;

/// <summary>
/// The ODE engine is the mean of the chain: its expected counts must match the average of 1,000
/// exact runs at N0 = 1e4 within 4.5 σ/√n, for the total and for the mutant subpopulation, with
/// logistic growth limitation (where the mean-field closure's bias, ≈ Var(N)/K ≈ 2 cells, is far
/// below the 4.5 σ/√n ≈ 60-cell tolerance).
/// </summary>
[Trait("Category", "Verification")]
public class OdeVersusExactMeanTests
{
    private const int N = 1_000;

    [Fact]
    public void OdeMatchesTheMeanOfExactRuns()
    {
        var scenario = Scenario(EngineKind.Exact);
        var exact = Replicates.Run(scenario, "exact", N);

        var ode = new OdeMethod();
        var run = new SimulationRun(Scenario(EngineKind.Ode));
        Simulator.Run(run, ode, new WorkUnit(0, 0, 0), observer: null);
        double expectedTotal = ode.ExpectedTotal;
        double expectedMutants = 0;
        for (int s = 0; s < ode.Genotypes.Count; s++)
            if (ode.Genotypes[s] != GenotypeLayout.Parental) expectedMutants += ode.Expected[s];

        double[] totals = [.. exact.Select(e => (double)e.FinalCells)];
        double[] mutants = [.. exact.Select(e => (double)e.CellsByMechanism[0])];
        Assert.True(Math.Abs(Tolerance.Mean(totals) - expectedTotal) <= Tolerance.ForMean(totals),
            $"total: exact mean {Tolerance.Mean(totals):F1} ± {Tolerance.ForMean(totals):F1}, ODE {expectedTotal:F1}");
        Assert.True(Math.Abs(Tolerance.Mean(mutants) - expectedMutants) <= Tolerance.ForMean(mutants),
            $"mutants: exact mean {Tolerance.Mean(mutants):F2} ± {Tolerance.ForMean(mutants):F2}, ODE {expectedMutants:F2}");
        Assert.True(expectedMutants > 20, "the mutant class must be big enough to test");
    }

    /// <summary>N0 = 1e4, b = 1, d = 0.3, logistic K = 1e5, a 10%-advantage mutation with u = 1e-3, 2 days (illustrative).</summary>
    private static Scenario Scenario(EngineKind engine)
    {
        var scenario = ReferenceScenarios.LinearBirthDeath(1.0, 0.3, 10_000, 2.0, engine: engine, seed: 404);
        return scenario with
        {
            Catalog = new MechanismCatalog([new FitnessMutation("advantage", -0.1, 1e-3)], 0),
            Population = scenario.Population with
            {
                GrowthLimit = new GrowthLimit(GrowthLimitKind.Logistic, 1e5),
                Lineage = LineageMode.PerGenotype,
            },
        };
    }
}
