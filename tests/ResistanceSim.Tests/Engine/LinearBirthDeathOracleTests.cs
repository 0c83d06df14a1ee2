using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// Linear birth–death against its closed forms (Kendall 1948, Ann Math Stat 19:1), on every
/// engine in Algorithms.All. λ = 0.14, μ = 0.13 per day (Bozic et al. 2013), t = 100 days, N0 = 1:
/// mean e = 2.71828, variance 126.111, P(extinct by t) = 0.891512, ultimate extinction 0.928571.
/// </summary>
public class LinearBirthDeathOracleTests
{
    private const double Lambda = 0.14, Mu = 0.13, Days = 100;
    // 40,000 replicates: SE of the mean √(126.1/4e4) = 0.056, of P0 0.0016.
    private const int Replicates = 40_000;

    [Fact]
    public void ClosedFormsMatchTheCheckValuesInBiologyMd()
    {
        Assert.Equal(2.71828, ClosedForms.Mean(Lambda, Mu, 1, Days), 5);
        Assert.Equal(126.111, ClosedForms.Variance(Lambda, Mu, 1, Days), 3);
        Assert.Equal(0.891512, ClosedForms.ExtinctBy(Lambda, Mu, 1, Days), 6);
        Assert.Equal(0.928571, Math.Pow(Mu / Lambda, 1), 6);
    }

    [Theory]
    [MemberData(nameof(EngineRunner.AllAlgorithms), MemberType = typeof(EngineRunner))]
    public void MeanVarianceAndExtinctionByTimeMatch(string algorithm)
    {
        var scenario = ReferenceScenarios.LinearBirthDeath(Lambda, Mu, 1, Days, seed: 2024);
        var ends = EngineRunner.Replicates(scenario, EngineRunner.Named(algorithm), Replicates);
        var sizes = ends.Select(e => (double)e.FinalCells).ToArray();

        double mean = ClosedForms.Mean(Lambda, Mu, 1, Days);
        double variance = ClosedForms.Variance(Lambda, Mu, 1, Days);
        Assert.InRange(Tolerance.Mean(sizes), mean - Tolerance.ForMean(variance, Replicates), mean + Tolerance.ForMean(variance, Replicates));
        double varianceTolerance = Tolerance.ForVariance(sizes);
        Assert.InRange(Tolerance.Variance(sizes), variance - varianceTolerance, variance + varianceTolerance);

        double extinct = ClosedForms.ExtinctBy(Lambda, Mu, 1, Days);
        double observed = ends.Count(e => e.FinalCells == 0) / (double)Replicates;
        Assert.InRange(observed, extinct - Tolerance.ForProportion(extinct, Replicates), extinct + Tolerance.ForProportion(extinct, Replicates));
        Assert.All(ends.Where(e => e.FinalCells == 0), e => Assert.Equal(RunOutcome.Extinct, e.Outcome));
    }

    [Theory]
    [MemberData(nameof(EngineRunner.AllAlgorithms), MemberType = typeof(EngineRunner))]
    public void UltimateExtinctionIsMuOverLambdaToTheN0(string algorithm)
    {
        // A line that reaches 1,000 cells dies out with probability (μ/λ)^1000 < 1e-32: it has escaped.
        const int n = 20_000;
        var scenario = ReferenceScenarios.LinearBirthDeath(Lambda, Mu, 2, 1e6, seed: 77);
        scenario = scenario with { Stop = scenario.Stop with { MaxCells = 1_000 } };
        var ends = EngineRunner.Replicates(scenario, EngineRunner.Named(algorithm), n);

        double ultimate = Math.Pow(Mu / Lambda, 2);
        double observed = ends.Count(e => e.FinalCells == 0) / (double)n;
        Assert.InRange(observed, ultimate - Tolerance.ForProportion(ultimate, n), ultimate + Tolerance.ForProportion(ultimate, n));
        Assert.All(ends, e => Assert.True(e.FinalCells == 0 || e.FinalCells >= 1_000));
    }

    [Theory]
    [MemberData(nameof(EngineRunner.AllAlgorithms), MemberType = typeof(EngineRunner))]
    public void LargePopulationMeanFollowsTheExponential(string algorithm)
    {
        // N0 = 1,000, λ = 1, μ = 0.7, t = 5: mean 1000·e^1.5 = 4,482; 400 replicates give SE ≈ 0.4% of the
        // mean (≈ 2e4 events per replicate on the exact engine).
        const int n = 400;
        var scenario = ReferenceScenarios.LinearBirthDeath(1.0, 0.7, 1_000, 5, seed: 5);
        var sizes = EngineRunner.Replicates(scenario, EngineRunner.Named(algorithm), n).Select(e => (double)e.FinalCells).ToArray();
        double mean = ClosedForms.Mean(1.0, 0.7, 1_000, 5);
        double tolerance = Tolerance.ForMean(ClosedForms.Variance(1.0, 0.7, 1_000, 5), n);
        Assert.InRange(Tolerance.Mean(sizes), mean - tolerance, mean + tolerance);
    }
}

/// <summary>Closed forms of the linear birth–death process (Kendall 1948), r = λ − μ.</summary>
public static class ClosedForms
{
    public static double Mean(double lambda, double mu, double n0, double t) => n0 * Math.Exp((lambda - mu) * t);

    public static double Variance(double lambda, double mu, double n0, double t)
    {
        double growth = Math.Exp((lambda - mu) * t);
        return n0 * (lambda + mu) / (lambda - mu) * growth * (growth - 1);
    }

    public static double ExtinctBy(double lambda, double mu, double n0, double t)
    {
        double decay = Math.Exp(-(lambda - mu) * t);
        return Math.Pow((mu - mu * decay) / (lambda - mu * decay), n0);
    }
}
