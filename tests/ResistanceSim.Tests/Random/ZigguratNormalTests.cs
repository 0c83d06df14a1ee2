using MathNet.Numerics.Distributions;
using ResistanceSim.Engine.Random;
using Xunit;

namespace ResistanceSim.Tests.Random;

/// <summary>
/// The ziggurat normal behind tau leaping's huge clones (<see cref="NormalZiggurat"/>, Marsaglia &amp; Tsang 2000):
/// whole-distribution fit on many draws, and the rare paths — the top layer's wedges near 0, the base layer's edge and
/// the tail beyond r ≈ 3.654 (Marsaglia's tail method) — checked on their own, on both sides of 0.
/// </summary>
public class ZigguratNormalTests
{
    // 4e6 draws: KS critical distance at α = 1e-4 ≈ 0.001; beyond ±r about 1,030 draws are expected.
    private const int SampleSize = 4_000_000;
    private const double R = 3.6541528853610088;

    private static readonly double[] Draws4M = Draws.Continuous(SampleSize, 4000, (ref Xoshiro256StarStar rng) => NormalZiggurat.Next(ref rng));

    [Fact]
    public void Matches_the_standard_normal_CDF_and_moments()
    {
        GoodnessOfFit.AssertKolmogorovSmirnov(Draws4M, x => Normal.CDF(0, 1, x), "ziggurat N(0, 1)");
        GoodnessOfFit.AssertMoments(Draws4M, 0, 1, 0, "ziggurat N(0, 1)");
        Assert.All(Draws4M, x => Assert.True(double.IsFinite(x) && x != 0));
    }

    [Theory]
    [InlineData(-0.2152418959132738, 0.0)]   // the top layer (X₁ ≈ 0.215): every draw there goes through a wedge test
    [InlineData(0.0, 0.2152418959132738)]
    [InlineData(1.0, 1.1)]
    [InlineData(3.5, R)]                     // just below the base layer's edge r
    [InlineData(R, double.PositiveInfinity)] // the tail, by Marsaglia's method
    [InlineData(double.NegativeInfinity, -R)]
    [InlineData(4.5, double.PositiveInfinity)]
    public void Each_region_holds_its_probability_within_4_5_binomial_sigmas(double from, double to)
    {
        GoodnessOfFit.AssertRegionMass(Draws4M, from, to, Normal.CDF(0, 1, to) - Normal.CDF(0, 1, from));
    }

    [Fact]
    public void The_tail_beyond_r_has_the_conditional_law()
    {
        // |x| beyond r is the normal conditioned on |x| > r: its CDF (Φ(x) − Φ(r))/(1 − Φ(r)); ≈ 1,030 draws, so the
        // KS distance that fails is about 0.06.
        double[] tail = [.. Draws4M.Where(x => Math.Abs(x) > R).Select(Math.Abs)];
        Assert.True(tail.Length > 800, $"{tail.Length} draws beyond r");
        double beyond = 1 - Normal.CDF(0, 1, R);
        GoodnessOfFit.AssertKolmogorovSmirnov(tail, x => (Normal.CDF(0, 1, x) - Normal.CDF(0, 1, R)) / beyond, "tail beyond r");
    }

    [Fact]
    public void The_sign_is_independent_of_the_magnitude()
    {
        // Within each third of |x|'s law, half the draws are negative: a sign bit that overlapped the layer or position
        // bits would tilt one of them.
        double[] cuts = [0, Normal.InvCDF(0, 1, 2.0 / 3), Normal.InvCDF(0, 1, 5.0 / 6), double.PositiveInfinity];
        for (int k = 0; k < 3; k++)
        {
            var band = Draws4M.Where(x => Math.Abs(x) >= cuts[k] && Math.Abs(x) < cuts[k + 1]).ToArray();
            long negative = band.LongCount(x => x < 0);
            double sigma = Math.Sqrt(band.Length * 0.25);
            Assert.True(Math.Abs(negative - 0.5 * band.Length) <= GoodnessOfFit.Sigmas * sigma,
                $"|x| in [{cuts[k]}, {cuts[k + 1]}): {negative} of {band.Length} negative");
        }
    }
}
