using MathNet.Numerics.Distributions;
using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Random;

public class BinomialSamplerTests
{
    // 1e6 draws: a PMF error of 0.5 % in a bin holding 1 % of the mass shifts its count by 50 ≈ 5σ.
    private const int SampleSize = 1_000_000;

    public static TheoryData<int, double> Regimes => new()
    {
        { 20, 0.3 },              // inversion (np = 6)
        { 99, 0.3 },              // inversion just below the BTPE switch (np = 29.7)
        { 100, 0.3 },             // BTPE at the switch (np = 30)
        { 60, 0.5 },              // BTPE, symmetric
        { 1000, 0.05 },           // BTPE, small p
        { 1_000_000, 0.4 },       // BTPE, clone-sized n
        { 1_000_000_000, 1e-6 },  // BTPE, huge n and tiny p (np = 1000)
        { 2_000_000_000, 0.5 },   // BTPE, n near MathNet's int limit
        { 1000, 0.999 },          // p near 1: reflected inversion
        { 45, 0.7 },              // p > ½: reflected inversion (n(1 − p) = 13.5)
        { 100_000, 0.97 },        // p near 1: reflected BTPE (n(1 − p) = 3000)
    };

    [Theory]
    [MemberData(nameof(Regimes))]
    public void Matches_MathNet_PMF_by_chi_square(int n, double p)
    {
        long[] samples = Draws.Discrete(SampleSize, 11 + (ulong)n, (ref Xoshiro256StarStar rng) => Samplers.Binomial(ref rng, n, p));
        double mean = n * p;
        double sd = Math.Sqrt(n * p * (1 - p));
        long low = Math.Max(0, (long)(mean - 7 * sd) - 5);
        long high = Math.Min(n, (long)(mean + 7 * sd) + 10);
        GoodnessOfFit.AssertChiSquare(
            samples, k => Binomial.PMF(p, n, (int)k), k => Binomial.CDF(p, n, k), low, high, $"Binomial({n}, {p})");
    }

    [Theory]
    [MemberData(nameof(Regimes))]
    public void Mean_and_variance_match_theory(int n, double p)
    {
        long[] samples = Draws.Discrete(SampleSize, 22 + (ulong)n, (ref Xoshiro256StarStar rng) => Samplers.Binomial(ref rng, n, p));
        double variance = n * p * (1 - p);
        GoodnessOfFit.AssertMoments(
            GoodnessOfFit.ToDoubles(samples), n * p, variance, (1 - 6 * p * (1 - p)) / variance, $"Binomial({n}, {p})");
    }

    public static TheoryData<long, double> HugeRegimes => new()
    {
        { 1_000_000_000_000, 0.4 },    // a kilogram of tumour
        { 1_000_000_000_000, 1e-9 },   // mutation draws (np = 1000)
        { 4_000_000_000_000_000, 0.5 } // close to the 2^52 limit
    };

    [Theory]
    [MemberData(nameof(HugeRegimes))]
    public void Huge_n_matches_the_normal_limit_in_shape_and_moments(long n, double p)
    {
        // Beyond MathNet's int-valued PMF. When npq ≥ 1e6 the binomial CDF on quarter-σ bins equals
        // the continuity-corrected normal CDF up to its skewness (1 − 2p)/√(npq) ≤ 1e-3 relative,
        // below what 1e6 draws resolve; smaller npq (np = 1000) is checked by moments only.
        long[] samples = Draws.Discrete(SampleSize, 33, (ref Xoshiro256StarStar rng) => Samplers.Binomial(ref rng, n, p));
        double mean = n * p;
        double variance = n * p * (1 - p);
        double sd = Math.Sqrt(variance);
        if (variance >= 1e6)
        {
            GoodnessOfFit.AssertChiSquareOnEdges(
                samples, Draws.EdgesAround(mean, sd), k => Normal.CDF(mean, sd, k + 0.5), $"Binomial({n}, {p})");
        }

        GoodnessOfFit.AssertMoments(
            GoodnessOfFit.ToDoubles(samples), mean, variance, (1 - 6 * p * (1 - p)) / variance, $"Binomial({n}, {p})");
    }

    [Fact]
    public void Edge_cases_are_exact()
    {
        var rng = new Xoshiro256StarStar(5);
        Assert.Equal(0, Samplers.Binomial(ref rng, 0, 0.5));
        Assert.Equal(0, Samplers.Binomial(ref rng, 1_000_000_000_000, 0));
        Assert.Equal(1_000_000_000_000, Samplers.Binomial(ref rng, 1_000_000_000_000, 1));
        Assert.Equal(0, Samplers.Binomial(ref rng, 0, 1));
    }

    [Theory]
    [InlineData(-1, 0.5)]
    [InlineData(10, -0.1)]
    [InlineData(10, 1.0000001)]
    [InlineData(10, double.NaN)]
    [InlineData((1L << 52) + 1, 0.5)]
    public void Invalid_arguments_are_rejected(long n, double p)
    {
        var rng = new Xoshiro256StarStar(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Binomial(ref rng, n, p));
    }
}
