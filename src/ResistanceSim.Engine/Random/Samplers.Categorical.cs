namespace ResistanceSim.Engine.Random;

public static partial class Samplers
{
    /// <summary>
    /// Index i drawn with probability weights[i] / totalWeight, by inversion with a linear scan
    /// (Devroye 1986, §III.2.1) — the right method for the handful of event channels of one clone;
    /// large sets of clones use a Fenwick tree instead. Zero weights are never chosen, even when the
    /// caller's total slightly exceeds the true sum through rounding.
    /// </summary>
    /// <param name="rng">The stream to draw from.</param>
    /// <param name="weights">Range: each weight ≥ 0, at least one &gt; 0 (a negative weight met in the scan throws).</param>
    /// <param name="totalWeight">The sum of the weights, maintained by the caller. Range: 0 &lt; total &lt; ∞.</param>
    public static int Categorical(ref Xoshiro256StarStar rng, ReadOnlySpan<double> weights, double totalWeight)
    {
        if (!(totalWeight > 0) || double.IsPositiveInfinity(totalWeight))
        {
            ThrowOutOfRange(nameof(totalWeight), totalWeight, "0 < total < ∞");
        }

        double remaining = rng.NextDouble() * totalWeight;
        int lastPositive = -1;
        for (int i = 0; i < weights.Length; i++)
        {
            double weight = weights[i];
            if (weight > 0)
            {
                lastPositive = i;
                remaining -= weight;
                if (remaining < 0)
                {
                    return i;
                }
            }
            else if (!(weight == 0))
            {
                ThrowOutOfRange(nameof(weights), weight, "each weight ≥ 0");
            }
        }

        if (lastPositive < 0)
        {
            ThrowOutOfRange(nameof(weights), 0, "at least one weight > 0");
        }

        // The caller's total exceeded the true sum by rounding and U landed in that sliver.
        return lastPositive;
    }
}
