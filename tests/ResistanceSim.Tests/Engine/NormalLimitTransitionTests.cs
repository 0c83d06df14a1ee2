using ResistanceSim.Analysis.GoodnessOfFit;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Random;
using ResistanceSim.Tests.Random;
using Xunit;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// Tau leaping's huge-clone transition (<see cref="BirthDeathTransition.SampleWithNormalLimit"/>): exact, draw for
/// draw, below its limit; above it the law of the exact transition to within what 20,000 draws can tell.
/// </summary>
public class NormalLimitTransitionTests
{
    private const double Birth = 1.0, Death = 0.9, Tau = 0.3;   // the tau benchmark's clones and leap (ε/r)

    [Theory]
    [InlineData(1L)]
    [InlineData(1_000L)]
    [InlineData(100_000L)]
    public void BelowTheLimitItIsTheExactTransitionDrawForDraw(long cells)
    {
        var exact = new Xoshiro256StarStar(5);
        var limited = new Xoshiro256StarStar(5);
        for (int i = 0; i < 2_000; i++)
        {
            long expected = BirthDeathTransition.Sample(ref exact, cells, Birth, Death, Tau, out long expectedLines);
            long actual = BirthDeathTransition.SampleWithNormalLimit(ref limited, cells, Birth, Death, Tau, out long actualLines);
            Assert.Equal(expected, actual);
            Assert.Equal(expectedLines, actualLines);
        }
    }

    [Theory]
    [InlineData(3_000_000L, 1.0, 0.9)]
    [InlineData(50_000_000L, 0.5, 0.6)]   // a shrinking clone
    public void AboveTheLimitItHasTheExactMeanAndVariance(long cells, double birth, double death)
    {
        // Kendall 1948: E = n e^{rτ}, Var = n (λ+μ)/(λ−μ) e^{rτ}(e^{rτ} − 1).
        double growth = Math.Exp((birth - death) * Tau);
        double mean = cells * growth;
        double variance = cells * (birth + death) / (birth - death) * growth * (growth - 1);
        var rng = new Xoshiro256StarStar(11);
        var draws = new double[200_000];
        for (int i = 0; i < draws.Length; i++)
            draws[i] = BirthDeathTransition.SampleWithNormalLimit(ref rng, cells, birth, death, Tau, out _);
        GoodnessOfFit.AssertMoments(draws, mean, variance, 0, $"normal-limit transition from {cells}");
    }

    [Fact]
    public void AboveTheLimitTheExactSamplersCannotBeToldApart()
    {
        // Each count is within 1e-3 of its exact distribution function; the two-sample KS test on 20,000 draws a side
        // detects a difference of about 0.02 at α = 0.001. A variance off by a tenth would be found.
        const long cells = 3_000_000;
        var exact = new Xoshiro256StarStar(21);
        var limited = new Xoshiro256StarStar(22);
        var exactDraws = new double[20_000];
        var limitedDraws = new double[20_000];
        for (int i = 0; i < exactDraws.Length; i++)
        {
            exactDraws[i] = BirthDeathTransition.Sample(ref exact, cells, Birth, Death, Tau, out _);
            limitedDraws[i] = BirthDeathTransition.SampleWithNormalLimit(ref limited, cells, Birth, Death, Tau, out _);
        }
        var ks = KolmogorovSmirnovTest.TwoSample(exactDraws, limitedDraws);
        Assert.True(ks.PValue > 1e-3, $"KS D = {ks.Statistic}, p = {ks.PValue}");
    }

    [Fact]
    public void SurvivingLinesFollowTheBinomialMeanAndVariance()
    {
        const long cells = 3_000_000;
        BirthDeathTransition.Probabilities(Birth, Death, Tau, out double survive, out _);
        var rng = new Xoshiro256StarStar(31);
        var lines = new double[200_000];
        for (int i = 0; i < lines.Length; i++)
        {
            BirthDeathTransition.SampleWithNormalLimit(ref rng, cells, Birth, Death, Tau, out long surviving);
            lines[i] = surviving;
        }
        GoodnessOfFit.AssertMoments(lines, cells * survive, cells * survive * (1 - survive), 0, "surviving lines");
    }

    [Fact]
    public void TheLimitIsTakenWhereTheBerryEsseenBoundIsBelowTheAllowedError()
    {
        // The checks compare squares, without a square root or a division; here against the bound as written,
        // C·(p² + q²)/√(npq) and C·√(9 + p²/q)/√m against ε, over sizes and probabilities either side of it.
        const double c = 0.4748, epsilon = BirthDeathTransition.NormalLimitError;
        double[] probabilities = [1e-9, 1e-4, 0.01, 0.3, 0.5, 0.77, 0.99, 0.9999, 1 - 1e-9, 1];
        for (double size = 10; size < 1e13; size *= 1.37)
        {
            long n = (long)size;
            foreach (double p in probabilities)
            {
                double q = 1 - p;
                double binomialBound = c * (p * p + q * q) / Math.Sqrt(n * p * q);
                double negativeBinomialBound = c * Math.Sqrt(9 + p * p / q) / Math.Sqrt(n);
                if (Math.Abs(binomialBound / epsilon - 1) > 1e-9)
                    Assert.Equal(binomialBound <= epsilon, BirthDeathTransition.BinomialIsNearNormal(n, p));
                if (Math.Abs(negativeBinomialBound / epsilon - 1) > 1e-9)
                    Assert.Equal(negativeBinomialBound <= epsilon, BirthDeathTransition.NegativeBinomialIsNearNormal(n, p));
            }
        }
    }
}
