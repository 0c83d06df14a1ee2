namespace ResistanceSim.Plotting.Scales;

/// <summary>A base-10 logarithmic scale with decade ticks and minor ticks at 2..9 × 10^k.</summary>
public sealed class LogScale : IScale
{
    /// <summary>A scale over [min, max] (both &gt; 0); ticks are the decades inside it.</summary>
    public LogScale(double min, double max)
    {
        if (!(min > 0) || !(max > min) || !double.IsFinite(max))
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"A log scale needs 0 < min < max (got {min}, {max}).");
        }

        Min = min;
        Max = max;
        var decades = NiceTicks.Log(min, max).Where(d => d >= min * (1 - 1e-9) && d <= max * (1 + 1e-9)).ToArray();
        var labels = NumberFormat.LogTickLabels(decades);
        var major = decades.Select((d, i) => new AxisTick(d, labels[i], true));
        var minor = NiceTicks.LogMinor(min, max).Select(m => new AxisTick(m, string.Empty, false));
        Ticks = [.. major.Concat(minor).OrderBy(t => t.Value)];
    }

    /// <summary>
    /// A scale from the decade below the smallest positive value to the decade above the largest;
    /// non-positive and non-finite values are ignored. Falls back to [1, 10] without data.
    /// </summary>
    public static LogScale Nice(IEnumerable<double> values)
    {
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToArray();
        if (positive.Length == 0)
        {
            return new LogScale(1, 10);
        }

        var decades = NiceTicks.Log(positive.Min(), positive.Max());
        return new LogScale(decades[0], decades[^1]);
    }

    /// <inheritdoc />
    public double Min { get; }

    /// <inheritdoc />
    public double Max { get; }

    /// <inheritdoc />
    public IReadOnlyList<AxisTick> Ticks { get; }

    /// <inheritdoc />
    public bool IsCategorical => false;

    /// <inheritdoc />
    public double Normalize(double value) =>
        value > 0 && double.IsFinite(value) ? Math.Log10(value / Min) / Math.Log10(Max / Min) : double.NaN;
}
