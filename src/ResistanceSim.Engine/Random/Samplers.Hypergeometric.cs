namespace ResistanceSim.Engine.Random;

public static partial class Samplers
{
    /// <summary>Reduced means (see <see cref="Hypergeometric"/>) below this use inversion, otherwise HRUA.</summary>
    public const double HypergeometricInversionLimit = 10;

    // Stadlober's ratio-of-uniforms hat constants: 2·√(2/e) and 3 − 2·√(3/e).
    private const double HrUaScale = 1.7155277699214135;
    private const double HrUaOffset = 0.8989161620588988;

    /// <summary>
    /// Hypergeometric deviate: successes among <paramref name="draws"/> items drawn without
    /// replacement from <paramref name="populationSize"/> items of which <paramref name="successes"/>
    /// are successes — e.g. the resistant cells carried into a new flask when a flask is split 1:k.
    /// First reduced by the symmetries K ↦ N − K and n ↦ N − n to K ≤ N/2, n ≤ N/2 (support starting
    /// at 0). Reduced mean nK/N &lt; 10: inversion by sequential search (HIN; Kachitvichyanukul &amp;
    /// Schmeiser 1985, "Computer generation of hypergeometric random variates", J. Stat. Comput.
    /// Simul. 22:127–145). Otherwise HRUA, ratio of uniforms with a table-mountain hat centred at
    /// μ + ½ and scaled to the mode's probability (Stadlober 1990, "The ratio of uniforms approach
    /// for generating discrete random variates", J. Comput. Appl. Math. 31:181–189; Stadlober 1989,
    /// Bericht 303, Math.-Stat. Sektion, Forschungsgesellschaft Joanneum, Graz), with the acceptance test on Loader's stable log-PMF
    /// (<see cref="LogProbability.LogHypergeometricPmf"/>) and without truncating the far tail: exact
    /// for populations up to 2^52. Expected cost O(1) in both regimes.
    /// </summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="populationSize">N. Range: 0 ≤ N ≤ 2^52.</param>
    /// <param name="successes">K. Range: 0 ≤ K ≤ N.</param>
    /// <param name="draws">n. Range: 0 ≤ n ≤ N.</param>
    public static long Hypergeometric(ref Xoshiro256StarStar rng, long populationSize, long successes, long draws)
    {
        if (populationSize < 0 || populationSize > MaxExactCount)
        {
            ThrowOutOfRange(nameof(populationSize), populationSize, "0 ≤ N ≤ 2^52");
        }

        if (successes < 0 || successes > populationSize)
        {
            ThrowOutOfRange(nameof(successes), successes, "0 ≤ K ≤ N");
        }

        if (draws < 0 || draws > populationSize)
        {
            ThrowOutOfRange(nameof(draws), draws, "0 ≤ n ≤ N");
        }

        // Successes among the drawn equal K minus successes among the n' = N − n left behind, and
        // failures play the role of successes under K' = N − K.
        bool complementSuccesses = successes > populationSize - successes;
        long reducedSuccesses = complementSuccesses ? populationSize - successes : successes;
        bool complementDraws = draws > populationSize - draws;
        long reducedDraws = complementDraws ? populationSize - draws : draws;

        long x = reducedSuccesses == 0 || reducedDraws == 0
            ? 0
            : (double)reducedDraws * reducedSuccesses / populationSize < HypergeometricInversionLimit
                ? HypergeometricByInversion(ref rng, populationSize, reducedSuccesses, reducedDraws)
                : HypergeometricByRatioOfUniforms(ref rng, populationSize, reducedSuccesses, reducedDraws);

        if (complementDraws)
        {
            x = reducedSuccesses - x;
        }

        // Under complemented successes x counts failures drawn.
        return complementSuccesses ? draws - x : x;
    }

    /// <summary>HIN: inversion from 0 with f(k+1)/f(k) = (K − k)(n − k) / ((k + 1)(N − K − n + k + 1)); K, n ≤ N/2.</summary>
    private static long HypergeometricByInversion(ref Xoshiro256StarStar rng, long populationSize, long successes, long draws)
    {
        double probabilityOfZero = Math.Exp(LogProbability.LogHypergeometricPmf(0, populationSize, successes, draws));
        long maximum = Math.Min(successes, draws);
        while (true)
        {
            double u = rng.NextDouble();
            long k = 0;
            double probability = probabilityOfZero;
            while (u >= probability && k < maximum)
            {
                u -= probability;
                probability *= (double)(successes - k) * (draws - k)
                    / ((double)(k + 1) * (populationSize - successes - draws + k + 1));
                k++;
            }

            if (u < probability)
            {
                return k;
            }

            // Only rounding can leave U unassigned after the whole support: draw again.
        }
    }

    /// <summary>HRUA: ratio of uniforms, for reduced mean ≥ 10 (K, n ≤ N/2).</summary>
    private static long HypergeometricByRatioOfUniforms(ref Xoshiro256StarStar rng, long populationSize, long successes, long draws)
    {
        double p = (double)draws / populationSize;
        double q = (double)(populationSize - draws) / populationSize;
        double successFraction = (double)successes / populationSize;
        double mean = draws * successFraction;
        double variance = mean * (1 - successFraction) * (populationSize - draws) / (populationSize - 1.0);
        double center = mean + 0.5;
        double halfWidth = HrUaScale * Math.Sqrt(variance + 0.5) + HrUaOffset;
        long maximum = Math.Min(successes, draws);

        long mode = (long)((Int128)(draws + 1) * (successes + 1) / (populationSize + 2));
        double logModeDensity = LogProbability.LogHypergeometricKernel(mode, populationSize, successes, draws, p, q);

        while (true)
        {
            double u = rng.NextOpenDouble();
            double v = rng.NextDouble();
            double x = center + halfWidth * (v - 0.5) / u;
            if (x < 0 || x >= maximum + 1.0)
            {
                continue;
            }

            long k = (long)x;
            double logRatio = LogProbability.LogHypergeometricKernel(k, populationSize, successes, draws, p, q) - logModeDensity;
            // Squeezes: 2 ln u ≤ u(4 − u) − 3 and 2 ln u ≥ u − 1/u on (0, 1].
            if (u * (4 - u) - 3 <= logRatio)
            {
                return k;
            }

            if (u * (u - logRatio) >= 1)
            {
                continue;
            }

            if (2 * Math.Log(u) <= logRatio)
            {
                return k;
            }
        }
    }
}
