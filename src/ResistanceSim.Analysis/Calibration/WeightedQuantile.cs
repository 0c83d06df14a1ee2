namespace ResistanceSim.Analysis.Calibration;

/// <summary>Quantiles of a weighted sample: the smallest value whose cumulative normalised weight reaches p (inverse of the weighted ECDF).</summary>
public static class WeightedQuantile
{
    public static double Of(IReadOnlyList<double> values, IReadOnlyList<double> weights, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (values.Count == 0 || values.Count != weights.Count) throw new ArgumentException("Values and weights must be non-empty and of equal length.");
        if (p is < 0 or > 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "Quantile probability must lie in [0, 1].");
        int[] order = [.. Enumerable.Range(0, values.Count).OrderBy(i => values[i])];
        double total = weights.Sum();
        if (!(total > 0)) throw new ArgumentException("Weights must sum to a positive number.", nameof(weights));
        double cumulative = 0;
        foreach (int i in order)
        {
            cumulative += weights[i] / total;
            if (cumulative >= p - 1e-12) return values[i];
        }
        return values[order[^1]];
    }
}
