using MathNet.Numerics.Distributions;
using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Random;

public class PoissonSamplerTests
{
    // 1e6 draws: a PMF error of 0.5 % in a bin holding 1 % of the mass shifts its count by 50 ≈ 5σ.
    private const int SampleSize = 1_000_000;

    public static TheoryData<double> Means => new()
    {
        0.5,    // inversion, the engine's common case (per-step event counts)
        3,      // inversion
        9.99,   // inversion, just below the PTRS switch
        10,     // PTRS, at the switch
        25.5,   // PTRS, non-integer mean
        1e4,    // PTRS
        1e7,    // PTRS
    };

    [Theory]
    [MemberData(nameof(Means))]
    public void Matches_MathNet_PMF_by_chi_square(double mean)
    {
        long[] samples = Draws.Discrete(SampleSize, 1000 + (ulong)mean, (ref Xoshiro256StarStar rng) => Samplers.Poisson(ref rng, mean));
        double sd = Math.Sqrt(mean);
        long low = Math.Max(0, (long)(mean - 7 * sd) - 5);
        long high = (long)(mean + 7 * sd) + 10;
        GoodnessOfFit.AssertChiSquare(
            samples, k => Poisson.PMF(mean, (int)k), k => Poisson.CDF(mean, k), low, high, $"Poisson({mean})");
    }

    [Theory]
    [MemberData(nameof(Means))]
    public void Mean_and_variance_match_theory(double mean)
    {
        long[] samples = Draws.Discrete(SampleSize, 2000 + (ulong)mean, (ref Xoshiro256StarStar rng) => Samplers.Poisson(ref rng, mean));
        GoodnessOfFit.AssertMoments(GoodnessOfFit.ToDoubles(samples), mean, mean, 1 / mean, $"Poisson({mean})");
    }

    public static TheoryData<double> HugeMeans => new()
    {
        1e12,              // PTRS, far beyond MathNet's int-valued PMF
        4.5e15,            // PTRS, just below the normal-approximation limit 2^52 ≈ 4.504e15
        1e16,              // normal approximation
    };

    [Theory]
    [MemberData(nameof(HugeMeans))]
    public void Huge_means_match_the_normal_limit_in_shape_and_moments(double mean)
    {
        // At μ ≥ 1e12 the Poisson CDF equals the continuity-corrected normal CDF to within its
        // skewness 1/√μ ≤ 1e-6, far below what 1e6 draws resolve (~1e-3 per bin).
        long[] samples = Draws.Discrete(SampleSize, 3000, (ref Xoshiro256StarStar rng) => Samplers.Poisson(ref rng, mean));
        double sd = Math.Sqrt(mean);
        GoodnessOfFit.AssertChiSquareOnEdges(
            samples, Draws.EdgesAround(mean, sd), k => Normal.CDF(mean, sd, k + 0.5), $"Poisson({mean})");
        GoodnessOfFit.AssertMoments(GoodnessOfFit.ToDoubles(samples), mean, mean, 1 / mean, $"Poisson({mean})");
    }

    [Fact]
    public void Zero_mean_gives_zero()
    {
        var rng = new Xoshiro256StarStar(1);
        Assert.Equal(0, Samplers.Poisson(ref rng, 0));
    }

    [Theory]
    [InlineData(-1e-300)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1.1e18)]
    public void Invalid_means_are_rejected(double mean)
    {
        var rng = new Xoshiro256StarStar(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Poisson(ref rng, mean));
    }
}
