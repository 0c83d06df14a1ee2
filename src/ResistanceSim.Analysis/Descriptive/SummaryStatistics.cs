namespace ResistanceSim.Analysis.Descriptive;

/// <summary>
/// Count, mean, unbiased variance (n − 1 denominator), standard deviation, extremes and median of a
/// sample. Mean and variance by Welford's one-pass update (Welford 1962, Technometrics 4:419), which
/// avoids the cancellation of Σx² − (Σx)²/n for large means such as cell counts.
/// </summary>
public readonly record struct SummaryStatistics(
    int Count, double Mean, double Variance, double StandardDeviation, double Minimum, double Maximum, double Median)
{
    /// <summary>Summarises a non-empty finite sample (variance NaN for a single value).</summary>
    public static SummaryStatistics Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("Sample must not be empty.", nameof(values));
        }

        double mean = 0, m2 = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            Guard.Finite(v, nameof(values));
            var delta = v - mean;
            mean += delta / (i + 1);
            m2 += delta * (v - mean);
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var variance = values.Count > 1 ? m2 / (values.Count - 1) : double.NaN;
        return new SummaryStatistics(
            values.Count, mean, variance, Math.Sqrt(variance), min, max, SampleQuantile.Type7(values, 0.5));
    }
}
