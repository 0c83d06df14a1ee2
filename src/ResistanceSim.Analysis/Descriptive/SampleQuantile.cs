namespace ResistanceSim.Analysis.Descriptive;

/// <summary>
/// Sample quantiles by Hyndman &amp; Fan (1996, Am Stat 50:361) definition 7 — linear interpolation
/// between order statistics at h = (n − 1)p: Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) (0-based).
/// The default of R <c>quantile</c> and NumPy <c>percentile</c>.
/// </summary>
public static class SampleQuantile
{
    /// <summary>Quantile p ∈ [0, 1] of a non-empty finite sample (any order).</summary>
    public static double Type7(IReadOnlyList<double> values, double p) => Type7(values, [p])[0];

    /// <summary>Several quantiles with one sort.</summary>
    public static double[] Type7(IReadOnlyList<double> values, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (values.Count == 0)
        {
            throw new ArgumentException("Sample must not be empty.", nameof(values));
        }

        var sorted = values.ToArray();
        Guard.AllFinite(sorted, nameof(values));
        Array.Sort(sorted);
        return [.. probabilities.Select(p => FromSorted(sorted, p))];
    }

    private static double FromSorted(double[] sorted, double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Quantile probability must lie in [0, 1].");
        }

        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        return lo + 1 >= sorted.Length ? sorted[^1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
