using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Random;

public static partial class Samplers
{
    /// <summary>Means below this use inversion; at and above it PTRS (Hörmann 1993 states PTRS for μ ≥ 10).</summary>
    public const double PoissonInversionLimit = 10;

    /// <summary>
    /// Means above this (2^52 ≈ 4.5e15) use a normal approximation with continuity correction:
    /// beyond it a double cannot represent every integer near the mean, so the exact acceptance
    /// test is impossible; the approximation's error there (skewness 1/√μ &lt; 1.5e-8) is far below
    /// anything a simulation can resolve.
    /// </summary>
    public const double PoissonNormalApproximationLimit = MaxExactCount;

    /// <summary>Largest mean accepted (results stay well inside <see cref="long"/>).</summary>
    public const double PoissonMaxMean = 1e18;

    // Inversion with μ < 10 passes k = 100 with probability < 1e-60; reaching it means rounding left
    // the cumulative sum short of U, and the draw restarts.
    private const long PoissonInversionGuard = 100;

    /// <summary>
    /// Poisson deviate. μ &lt; 10: sequential-search inversion (Devroye 1986, §X.3.2).
    /// 10 ≤ μ ≤ 2^52: PTRS, the transformed rejection method with squeeze of Hörmann 1993
    /// ("The transformed rejection method for generating Poisson random variables", Insurance:
    /// Mathematics and Economics 12:39–45), with the final acceptance test evaluated by Loader's
    /// stable log-PMF (<see cref="LogProbability.LogPoissonPmf"/>) and the candidate formed as an
    /// offset from ⌊μ⌋ so it stays exact at huge means. μ &gt; 2^52: see
    /// <see cref="PoissonNormalApproximationLimit"/>.
    /// </summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="mean">Range: 0 ≤ μ ≤ 1e18.</param>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static long Poisson(ref Xoshiro256StarStar rng, double mean)
    {
        if (!(mean >= 0 && mean <= PoissonMaxMean))
        {
            ThrowOutOfRange(nameof(mean), mean, "0 ≤ μ ≤ 1e18");
        }

        if (mean < PoissonInversionLimit)
        {
            return PoissonByInversion(ref rng, mean);
        }

        return mean <= PoissonNormalApproximationLimit
            ? PoissonByTransformedRejection(ref rng, mean)
            : PoissonByNormalApproximation(ref rng, mean);
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static long PoissonByInversion(ref Xoshiro256StarStar rng, double mean)
    {
        double probabilityOfZero = Math.Exp(-mean);
        while (true)
        {
            double u = rng.NextDouble();
            long k = 0;
            double probability = probabilityOfZero;
            double cumulative = probability;
            while (u >= cumulative && k < PoissonInversionGuard)
            {
                k++;
                probability *= mean / k;
                cumulative += probability;
            }

            if (k < PoissonInversionGuard)
            {
                return k;
            }
        }
    }

    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    private static long PoissonByTransformedRejection(ref Xoshiro256StarStar rng, double mean)
    {
        // Constants of algorithm PTRS (Hörmann 1993, Table/§3), fitted by the author for μ ≥ 10.
        double b = 0.931 + 2.53 * Math.Sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double logInverseAlpha = Math.Log(1.1239 + 1.1328 / (b - 3.4));
        double acceptWithoutTest = 0.9277 - 3.6224 / (b - 2);
        double meanFloor = Math.Floor(mean);
        double meanFraction = mean - meanFloor; // exact: mean < 2^52
        long meanBase = (long)meanFloor;

        while (true)
        {
            double u = rng.NextDouble() - 0.5;
            double v = rng.NextOpenDouble();
            double distanceFromEdge = 0.5 - Math.Abs(u);
            // Offset of the candidate from ⌊μ⌋: a small number, so the floor is exact.
            double offset = Math.Floor((2 * a / distanceFromEdge + b) * u + meanFraction + 0.43);

            if (distanceFromEdge >= 0.07 && v <= acceptWithoutTest)
            {
                return meanBase + (long)offset;
            }

            if (offset < -meanFloor || offset > MaxExactCount || (distanceFromEdge < 0.013 && v > distanceFromEdge))
            {
                continue;
            }

            long k = meanBase + (long)offset;
            double logHat = Math.Log(v) + logInverseAlpha - Math.Log(a / (distanceFromEdge * distanceFromEdge) + b);
            if (logHat <= LogProbability.LogPoissonPmf(k, mean))
            {
                return k;
            }
        }
    }

    private static long PoissonByNormalApproximation(ref Xoshiro256StarStar rng, double mean) =>
        // Rounding to the nearest integer is the continuity correction: P(k) ≈ Φ((k + ½ − μ)/σ) − Φ((k − ½ − μ)/σ).
        (long)Math.Round(mean + Math.Sqrt(mean) * StandardNormal(ref rng), MidpointRounding.AwayFromZero);
}
