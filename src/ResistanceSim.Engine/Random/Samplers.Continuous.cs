using System.Runtime.CompilerServices;

namespace ResistanceSim.Engine.Random;

public static partial class Samplers
{
    /// <summary>
    /// Exponential waiting time with the given rate: a standard exponential by the ziggurat method
    /// (<see cref="ExponentialZiggurat"/>), divided by the rate. Inversion (−ln U) was the exact
    /// engines' largest cost: about half their time went to <c>log</c>.
    /// </summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="rate">Range: 0 &lt; rate &lt; ∞.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exponential(ref Xoshiro256StarStar rng, double rate)
    {
        if (!(rate > 0) || double.IsPositiveInfinity(rate))
        {
            ThrowOutOfRange(nameof(rate), rate, "0 < rate < ∞");
        }

        return ExponentialZiggurat.Next(ref rng) / rate;
    }

    /// <summary>
    /// Standard normal deviate by Marsaglia's polar method (Marsaglia &amp; Bray 1964, SIAM Review 6(3)); the pair's
    /// second deviate is discarded so that the generator stays stateless. <see cref="NormalZiggurat"/> is several
    /// times cheaper; this stays for the samplers and engines whose streams the shipped trials and fits were drawn
    /// from (tau leaping's huge clones use the ziggurat).
    /// </summary>
    /// <param name="rng">The stream to draw from.</param>
    [MethodImpl(HotPath.OptimizeAtFirstCall)]
    public static double StandardNormal(ref Xoshiro256StarStar rng)
    {
        while (true)
        {
            double x = 2 * rng.NextDouble() - 1;
            double y = 2 * rng.NextDouble() - 1;
            double radiusSquared = x * x + y * y;
            if (radiusSquared < 1 && radiusSquared > 0) return x * Math.Sqrt(-2 * Math.Log(radiusSquared) / radiusSquared);
        }
    }

    /// <summary>Normal deviate with the given mean and standard deviation (see <see cref="StandardNormal"/>).</summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="mean">Range: finite.</param>
    /// <param name="standardDeviation">Range: 0 ≤ σ &lt; ∞.</param>
    public static double Normal(ref Xoshiro256StarStar rng, double mean, double standardDeviation)
    {
        if (!double.IsFinite(mean))
        {
            ThrowOutOfRange(nameof(mean), mean, "finite");
        }

        if (!(standardDeviation >= 0) || double.IsPositiveInfinity(standardDeviation))
        {
            ThrowOutOfRange(nameof(standardDeviation), standardDeviation, "0 ≤ σ < ∞");
        }

        return mean + standardDeviation * StandardNormal(ref rng);
    }

    /// <summary>Throw helper kept out of line so the callers' fast paths stay small enough to inline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(string parameter, double value, string range) =>
        throw new ArgumentOutOfRangeException(parameter, value, $"Range: {range}.");
}
