using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// A population at its McFarland density equilibrium (1,000 cells, birth 1, death ln(1 + N/K) = 1 at N₀) has no
/// drift, so the tau step rule's drift and curvature bounds allow any leap. The total still wanders by
/// √(2N·τ) cells, and the density regulation that pulls it back acts only between leaps: leaping the 10 days at
/// once gave the total a standard deviation of about 140 cells instead of the exact engine's 40 (issue #19).
/// The hybrid engine leaps the clone too (it is at the default threshold of 1,000 cells).
/// </summary>
public class LeapDensityRegulationTests
{
    [Theory]
    [InlineData("tau")]
    [InlineData("hybrid")]
    public void TheTotalAtDensityEquilibriumSpreadsAsUnderTheExactEngine(string engine)
    {
        const int replicates = 2_000;
        var scenario = ReferenceScenarios.LinearBirthDeath(1, 0, 1000, 10, seed: 19);
        scenario = scenario with
        {
            Population = scenario.Population with { GrowthLimit = new GrowthLimit(GrowthLimitKind.Mcfarland, 1000 / (Math.E - 1)) },
        };
        double[] Totals(string engine) => [.. EngineRunner.Replicates(scenario, EngineRunner.Named(engine), replicates).Select(e => (double)e.FinalCells)];
        var exact = Totals("exact");
        var leapt = Totals(engine);

        double tolerance = Math.Sqrt(Math.Pow(Tolerance.ForVariance(exact), 2) + Math.Pow(Tolerance.ForVariance(leapt), 2));
        Assert.InRange(Tolerance.Variance(leapt), Tolerance.Variance(exact) - tolerance, Tolerance.Variance(exact) + tolerance);
        double meanTolerance = Tolerance.Z * Math.Sqrt((Tolerance.Variance(exact) + Tolerance.Variance(leapt)) / replicates);
        Assert.InRange(Tolerance.Mean(leapt), Tolerance.Mean(exact) - meanTolerance, Tolerance.Mean(exact) + meanTolerance);
    }
}
