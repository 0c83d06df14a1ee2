using MathNet.Numerics.Distributions;
using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Random;

/// <summary>
/// The ziggurat exponential behind <see cref="Samplers.Exponential"/> (Marsaglia &amp; Tsang 2000) and
/// the geometric built on it: whole-distribution fit on many draws, and the rare paths — the wedges
/// near 0 (top layer) and the tail beyond the base layer's edge r ≈ 7.697 — checked on their own.
/// </summary>
public class ZigguratExponentialTests
{
    // 2e6 draws: KS critical distance at α = 1e-4 ≈ 0.0014; the tail beyond r expects ≈ 900 draws.
    private const int SampleSize = 2_000_000;

    private static readonly double[] Draws2M = Draws.Continuous(SampleSize, 2000, (ref Xoshiro256StarStar rng) => Samplers.Exponential(ref rng, 1));

    [Fact]
    public void Standard_exponential_matches_its_CDF_and_moments()
    {
        GoodnessOfFit.AssertKolmogorovSmirnov(Draws2M, x => Exponential.CDF(1, x), "ziggurat Exponential(1)");
        GoodnessOfFit.AssertMoments(Draws2M, 1, 1, 6, "ziggurat Exponential(1)");
        Assert.All(Draws2M, x => Assert.True(x > 0 && double.IsFinite(x)));
    }

    [Theory]
    [InlineData(0.0, 1e-3)]      // the top layer: every draw there goes through a wedge test
    [InlineData(0.5, 0.6)]
    [InlineData(7.0, 7.69711747013104972)]   // just below the base layer's edge r
    [InlineData(7.69711747013104972, double.PositiveInfinity)]   // the tail, drawn as r − ln U
    [InlineData(10.0, double.PositiveInfinity)]
    public void Each_region_holds_its_probability_within_4_5_binomial_sigmas(double from, double to)
    {
        double p = Math.Exp(-from) - (double.IsPositiveInfinity(to) ? 0 : Math.Exp(-to));
        GoodnessOfFit.AssertRegionMass(Draws2M, from, to, p);
    }

    [Fact]
    public void The_tail_beyond_r_is_memoryless()
    {
        // Excess over r of the ≈ 900 draws past it: Exponential(1) again, mean 1 with standard error 1/√m.
        const double r = 7.69711747013104972;
        double[] excess = [.. Draws2M.Where(x => x > r).Select(x => x - r)];
        Assert.True(excess.Length > 500, $"{excess.Length} draws beyond r");
        double mean = excess.Average();
        Assert.True(Math.Abs(mean - 1) <= GoodnessOfFit.Sigmas / Math.Sqrt(excess.Length), $"mean excess {mean} over {excess.Length} draws");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.01)]
    [InlineData(0.999)]
    public void Geometric_matches_its_PMF(double p)
    {
        long[] samples = Draws.Discrete(200_000, 2001, (ref Xoshiro256StarStar rng) => Samplers.Geometric(ref rng, p));
        GoodnessOfFit.AssertChiSquare(samples, k => p * Math.Pow(1 - p, k), k => 1 - Math.Pow(1 - p, k + 1), 0, (long)(30 / p), $"Geometric({p})");
    }

    [Fact]
    public void Geometric_with_certain_success_has_no_failures()
    {
        var rng = new Xoshiro256StarStar(3);
        Assert.Equal(0, Samplers.Geometric(ref rng, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Samplers.Geometric(ref rng, 0));
    }
}
