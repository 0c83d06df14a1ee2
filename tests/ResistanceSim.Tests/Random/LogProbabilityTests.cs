using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Random;

/// <summary>The stable log-PMFs behind the samplers' acceptance tests, against MathNet.</summary>
public class LogProbabilityTests
{
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(3, 0.5)]
    [InlineData(7, 10.0)]
    [InlineData(15, 10.0)]
    [InlineData(16, 10.0)]
    [InlineData(9_900, 1e4)]
    [InlineData(10_000, 1e4)]
    [InlineData(200, 1e4)]
    [InlineData(10_003_000, 1e7)]
    public void Poisson_log_PMF_matches_MathNet(long k, double mean)
    {
        double reference = Poisson.PMFLn(mean, (int)k);
        // MathNet's k·ln λ − ln Γ(k + 1) − λ loses a few ulps of its largest term to cancellation: allow for it.
        double tolerance = 1e-13 + 4e-16 * (Math.Abs(k * Math.Log(mean)) + mean + SpecialFunctions.FactorialLn((int)k));
        Assert.Equal(reference, LogProbability.LogPoissonPmf(k, mean), tolerance);
    }

    [Theory]
    [InlineData(0, 20, 0.3)]
    [InlineData(20, 20, 0.3)]
    [InlineData(6, 20, 0.3)]
    [InlineData(400_300, 1_000_000, 0.4)]
    [InlineData(1_000, 1_000_000_000, 1e-6)]
    [InlineData(999, 1000, 0.999)]
    [InlineData(12, 1000, 0.001)]
    public void Binomial_log_PMF_matches_MathNet(long k, int n, double p)
    {
        double reference = Binomial.PMFLn(p, n, (int)k);
        double tolerance = 1e-12 + 4e-16 * (SpecialFunctions.FactorialLn(n) + Math.Abs(k * Math.Log(p)) + Math.Abs((n - k) * Math.Log(1 - p)));
        Assert.Equal(reference, LogProbability.LogBinomialPmf(k, n, p), tolerance);
    }

    [Theory]
    [InlineData(2, 50, 10, 5)]
    [InlineData(0, 50, 10, 5)]
    [InlineData(30, 1000, 300, 100)]
    [InlineData(630, 1000, 700, 900)]
    public void Hypergeometric_log_PMF_matches_MathNet(long k, int population, int successes, int draws)
    {
        double reference = Math.Log(Hypergeometric.PMF(population, successes, draws, (int)k));
        Assert.Equal(reference, LogProbability.LogHypergeometricPmf(k, population, successes, draws), 1e-11);
    }

    [Fact]
    public void Log_PMFs_are_minus_infinity_outside_the_support()
    {
        Assert.Equal(double.NegativeInfinity, LogProbability.LogPoissonPmf(-1, 3));
        Assert.Equal(double.NegativeInfinity, LogProbability.LogPoissonPmf(1, 0));
        Assert.Equal(0, LogProbability.LogPoissonPmf(0, 0));
        Assert.Equal(double.NegativeInfinity, LogProbability.LogBinomialPmf(11, 10, 0.5));
        Assert.Equal(double.NegativeInfinity, LogProbability.LogBinomialPmf(1, 10, 0));
        Assert.Equal(0, LogProbability.LogBinomialPmf(10, 10, 1));
        Assert.Equal(double.NegativeInfinity, LogProbability.LogHypergeometricPmf(6, 50, 10, 5));
    }

    [Fact]
    public void Poisson_log_PMF_stays_normalised_at_a_trillion()
    {
        // Σ_k P(k) over μ ± 8σ must be 1 to ~1e-12; the naive formula would be off by factors of e^±1000.
        const double mean = 1e12;
        double sd = Math.Sqrt(mean);
        double sum = 0;
        for (long k = (long)(mean - 8 * sd); k <= (long)(mean + 8 * sd); k++)
        {
            sum += Math.Exp(LogProbability.LogPoissonPmf(k, mean));
        }

        Assert.Equal(1.0, sum, 1e-9);
    }

    [Fact]
    public void Deviance_series_and_closed_form_agree_where_both_are_accurate()
    {
        // At |x − μ| = 0.1(x + μ) the code switches form; just inside and outside must agree.
        double mean = 100;
        double inside = LogProbability.Deviance(122.2, mean);
        double closed = 122.2 * Math.Log(1.222) + mean - 122.2;
        Assert.Equal(closed, inside, 1e-12);
    }

    [Fact]
    public void Stirling_error_table_and_series_agree_with_log_factorial()
    {
        // ln n! from the factorial itself (exact to n = 22, relative error ≤ n·1e-16 beyond), which is
        // more accurate here than a Lanczos log-gamma.
        double factorial = 1;
        for (int n = 1; n <= 40; n++)
        {
            factorial *= n;
            double reference = Math.Log(factorial) - ((n + 0.5) * Math.Log(n) - n + 0.5 * Math.Log(2 * Math.PI));
            Assert.Equal(reference, LogProbability.StirlingError(n), 1e-13);
        }
    }

    [Fact]
    public void LogOnePlus_is_accurate_for_tiny_arguments()
    {
        Assert.Equal(-1e-12 - 5e-25, LogProbability.LogOnePlus(-1e-12), 1e-27); // x − x²/2
        Assert.Equal(1e-20, LogProbability.LogOnePlus(1e-20));
        Assert.Equal(Math.Log(1.5), LogProbability.LogOnePlus(0.5), 1e-15);
    }
}
