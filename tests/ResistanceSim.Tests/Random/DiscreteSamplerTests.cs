using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Random;

/// <summary>Multinomial, hypergeometric and categorical samplers against MathNet's PMFs.</summary>
public class DiscreteSamplerTests
{
    // 1e6 draws: a PMF error of 0.5 % in a bin holding 1 % of the mass shifts its count by 50 ≈ 5σ.
    private const int SampleSize = 1_000_000;

    public static TheoryData<int, int, int> HypergeometricRegimes => new()
    {
        { 50, 10, 5 },                          // inversion, tiny urn
        { 1000, 300, 20 },                      // inversion (mean 6)
        { 1000, 300, 100 },                     // HRUA (mean 30)
        { 1000, 700, 900 },                     // both symmetries applied
        { 1_000_000, 400_000, 500_000 },        // HRUA, n = N/2
        { 1_000_000_000, 1000, 100_000_000 },   // passaging 1:10 of a 1e9-cell flask with 1000 resistant cells
        { 1_000_000_000, 300_000_000, 200_000_000 }, // HRUA, wide (σ ≈ 6500)
    };

    [Theory]
    [MemberData(nameof(HypergeometricRegimes))]
    public void Hypergeometric_matches_MathNet_PMF_by_chi_square(int population, int successes, int draws)
    {
        long[] samples = Draws.Discrete(SampleSize, (ulong)(population + draws),
            (ref Xoshiro256StarStar rng) => Samplers.Hypergeometric(ref rng, population, successes, draws));
        (double mean, double variance) = HypergeometricMoments(population, successes, draws);
        double sd = Math.Sqrt(variance);
        long low = Math.Max(Math.Max(0, draws - (population - successes)), (long)(mean - 7 * sd) - 5);
        long high = Math.Min(Math.Min(draws, successes), (long)(mean + 7 * sd) + 10);
        // MathNet's hypergeometric CDF sums the PMF from 0, too slow at N = 1e9: the 7σ range leaves
        // < 1e-11 of the mass outside.
        GoodnessOfFit.AssertChiSquare(
            samples, k => HypergeometricReferencePmf(population, successes, draws, k), null, low, high,
            $"Hypergeometric({population}, {successes}, {draws})");
        Assert.All(samples, k => Assert.InRange(k, Math.Max(0, draws - (population - successes)), Math.Min(draws, successes)));
    }

    [Theory]
    [MemberData(nameof(HypergeometricRegimes))]
    public void Hypergeometric_mean_and_variance_match_theory(int population, int successes, int draws)
    {
        long[] samples = Draws.Discrete(SampleSize, 5 + (ulong)population,
            (ref Xoshiro256StarStar rng) => Samplers.Hypergeometric(ref rng, population, successes, draws));
        (double mean, double variance) = HypergeometricMoments(population, successes, draws);
        double p = (double)successes / population;
        // Excess kurtosis of the binomial with the same p (the hypergeometric's is smaller in magnitude
        // and both are O(1/σ²)): it only widens the variance tolerance slightly.
        GoodnessOfFit.AssertMoments(GoodnessOfFit.ToDoubles(samples), mean, variance,
            Math.Abs(1 - 6 * p * (1 - p)) / variance, $"Hypergeometric({population}, {successes}, {draws})");
    }

    [Fact]
    public void Hypergeometric_with_a_trillion_cells_matches_normal_shape_and_moments()
    {
        // N = 1e12, K = 3e11, n = 1e11 (σ ≈ 1.4e5): beyond MathNet's int parameters. The CDF on
        // quarter-σ bins equals the continuity-corrected normal CDF up to skewness ~1e-6.
        const long population = 1_000_000_000_000, successes = 300_000_000_000, draws = 100_000_000_000;
        long[] samples = Draws.Discrete(SampleSize, 9,
            (ref Xoshiro256StarStar rng) => Samplers.Hypergeometric(ref rng, population, successes, draws));
        (double mean, double variance) = HypergeometricMoments(population, successes, draws);
        double sd = Math.Sqrt(variance);
        GoodnessOfFit.AssertChiSquareOnEdges(samples, Draws.EdgesAround(mean, sd), k => Normal.CDF(mean, sd, k + 0.5), "Hypergeometric(1e12)");
        GoodnessOfFit.AssertMoments(GoodnessOfFit.ToDoubles(samples), mean, variance, 0, "Hypergeometric(1e12)");
    }

    [Fact]
    public void Hypergeometric_edge_cases_are_exact()
    {
        var rng = new Xoshiro256StarStar(3);
        Assert.Equal(0, Samplers.Hypergeometric(ref rng, 0, 0, 0));
        Assert.Equal(0, Samplers.Hypergeometric(ref rng, 100, 0, 50));
        Assert.Equal(50, Samplers.Hypergeometric(ref rng, 100, 100, 50));
        Assert.Equal(0, Samplers.Hypergeometric(ref rng, 100, 40, 0));
        Assert.Equal(40, Samplers.Hypergeometric(ref rng, 100, 40, 100));
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(10, 11, 0)]
    [InlineData(10, -1, 0)]
    [InlineData(10, 5, 11)]
    [InlineData(10, 5, -1)]
    public void Hypergeometric_rejects_invalid_arguments(long population, long successes, long draws)
    {
        var rng = new Xoshiro256StarStar(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Hypergeometric(ref rng, population, successes, draws));
    }

    [Fact]
    public void Multinomial_marginals_are_binomial_and_counts_sum_to_n()
    {
        // 2e5 draws of Multinomial(5000, p): each marginal is Binomial(5000, p_i).
        const int sampleSize = 200_000;
        const int n = 5000;
        double[] probabilities = [0.5, 0.0, 0.3, 0.15, 0.04, 0.01];
        var marginals = new long[probabilities.Length][];
        for (int i = 0; i < marginals.Length; i++)
        {
            marginals[i] = new long[sampleSize];
        }

        var rng = new Xoshiro256StarStar(123);
        Span<long> counts = stackalloc long[probabilities.Length];
        for (int draw = 0; draw < sampleSize; draw++)
        {
            Samplers.Multinomial(ref rng, n, probabilities, counts);
            long sum = 0;
            for (int i = 0; i < counts.Length; i++)
            {
                Assert.True(counts[i] >= 0);
                marginals[i][draw] = counts[i];
                sum += counts[i];
            }

            Assert.Equal(n, sum);
        }

        Assert.All(marginals[1], c => Assert.Equal(0, c));
        foreach (int i in new[] { 0, 2, 3, 4, 5 })
        {
            double p = probabilities[i];
            double sd = Math.Sqrt(n * p * (1 - p));
            long low = Math.Max(0, (long)(n * p - 7 * sd) - 5);
            long high = Math.Min(n, (long)(n * p + 7 * sd) + 10);
            GoodnessOfFit.AssertChiSquare(marginals[i], k => Binomial.PMF(p, n, (int)k), k => Binomial.CDF(p, n, k), low, high, $"marginal {i}");
        }
    }

    [Fact]
    public void Multinomial_pairwise_covariance_is_minus_n_pi_pj()
    {
        // Cov(X_0, X_2) = −n·p0·p2 = −750 at n = 5000; with 2e5 draws its standard error is
        // √((Var X0·Var X2 + Cov²)/m) ≈ 2.4, so 4.5 σ ≈ 11.
        const int sampleSize = 200_000;
        const int n = 5000;
        double[] probabilities = [0.5, 0.2, 0.3];
        var rng = new Xoshiro256StarStar(321);
        Span<long> counts = stackalloc long[3];
        double sum0 = 0, sum2 = 0, sum02 = 0;
        for (int draw = 0; draw < sampleSize; draw++)
        {
            Samplers.Multinomial(ref rng, n, probabilities, counts);
            sum0 += counts[0];
            sum2 += counts[2];
            sum02 += (double)counts[0] * counts[2];
        }

        double covariance = sum02 / sampleSize - sum0 / sampleSize * (sum2 / sampleSize);
        double expected = -n * 0.5 * 0.3;
        double var0 = n * 0.5 * 0.5, var2 = n * 0.3 * 0.7;
        double standardError = Math.Sqrt((var0 * var2 + expected * expected) / sampleSize);
        Assert.InRange(covariance, expected - GoodnessOfFit.Sigmas * standardError, expected + GoodnessOfFit.Sigmas * standardError);
    }

    [Fact]
    public void Multinomial_renormalises_rounding_and_rejects_bad_input()
    {
        var rng = new Xoshiro256StarStar(8);
        var counts = new long[3];
        Samplers.Multinomial(ref rng, 1_000_000_000_000, [0.1, 0.2, 0.7 + 5e-10], counts);
        Assert.Equal(1_000_000_000_000, counts[0] + counts[1] + counts[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Multinomial(ref rng, 10, [0.5, 0.6], counts.AsSpan(0, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Multinomial(ref rng, 10, [1.5, -0.5], counts.AsSpan(0, 2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Multinomial(ref rng, -1, [1.0], counts.AsSpan(0, 1)));
        Assert.Throws<ArgumentException>(() => Samplers.Multinomial(ref rng, 10, [0.5, 0.5], counts));
    }

    [Fact]
    public void Categorical_matches_normalised_weights()
    {
        double[] weights = [0.1, 0, 2, 0.5, 1.4];
        double total = 4.0;
        long[] samples = Draws.Discrete(SampleSize, 55, (ref Xoshiro256StarStar rng) => Samplers.Categorical(ref rng, weights, total));
        Assert.DoesNotContain(1L, samples);
        double[] cumulative = [0.1, 0.1, 2.1, 2.6, 4.0];
        GoodnessOfFit.AssertChiSquare(samples, k => weights[k] / total, k => cumulative[k] / total, 0, 4, "Categorical");
    }

    [Fact]
    public void Categorical_never_picks_a_trailing_zero_weight_when_the_total_is_rounded_up()
    {
        double[] weights = [1, 2, 0];
        var rng = new Xoshiro256StarStar(56);
        for (int i = 0; i < 100_000; i++)
        {
            Assert.InRange(Samplers.Categorical(ref rng, weights, 3 * (1 + 1e-9)), 0, 1);
        }
    }

    [Fact]
    public void Categorical_rejects_invalid_weights()
    {
        var rng = new Xoshiro256StarStar(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Categorical(ref rng, [1.0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Categorical(ref rng, [0.0, 0.0], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Categorical(ref rng, [-1.0, 2.0], 1));
    }

    /// <summary>
    /// MathNet's Hypergeometric.PMF, which works with plain binomial coefficients and overflows to
    /// NaN once they pass 1e308 (already at N = 1e6); beyond that the same formula with MathNet's
    /// log binomial coefficients.
    /// </summary>
    private static double HypergeometricReferencePmf(int population, int successes, int draws, long k)
    {
        double direct = Hypergeometric.PMF(population, successes, draws, (int)k);
        return double.IsFinite(direct)
            ? direct
            : Math.Exp(SpecialFunctions.BinomialLn(successes, (int)k)
                + SpecialFunctions.BinomialLn(population - successes, draws - (int)k)
                - SpecialFunctions.BinomialLn(population, draws));
    }

    private static (double Mean, double Variance) HypergeometricMoments(long population, long successes, long draws)
    {
        double p = (double)successes / population;
        double mean = draws * p;
        double variance = mean * (1 - p) * (population - draws) / (population - 1.0);
        return (mean, variance);
    }
}
