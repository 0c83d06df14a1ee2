namespace ResistanceSim.Plotting.Scales;

/// <summary>A linear scale with 1-2-5 ticks.</summary>
public sealed class LinearScale : IScale
{
    /// <summary>
    /// A scale over exactly [min, max]; ticks are the nice values inside it, labelled by
    /// <paramref name="format"/> (default: <see cref="NumberFormat.LinearTickLabels"/>).
    /// </summary>
    public LinearScale(double min, double max, int targetTickCount = 6, Func<double, string>? format = null)
    {
        var ticks = NiceTicks.Linear(min, max, targetTickCount);
        if (!(max > min))
        {
            (min, max) = (ticks[0], ticks[^1]);
        }

        Min = min;
        Max = max;
        double tolerance = (max - min) * 1e-9;
        var inside = ticks.Where(t => t >= min - tolerance && t <= max + tolerance).ToArray();
        var labels = format is null ? NumberFormat.LinearTickLabels(inside) : [.. inside.Select(format)];
        Ticks = [.. inside.Select((t, i) => new AxisTick(t, labels[i], true))];
    }

    /// <summary>
    /// A scale whose domain is extended to the nice ticks covering the data; with
    /// <paramref name="includeZero"/> the domain also contains 0 (for counts and fractions).
    /// </summary>
    public static LinearScale Nice(double dataMin, double dataMax, int targetTickCount = 6, bool includeZero = false)
    {
        if (includeZero)
        {
            dataMin = Math.Min(dataMin, 0);
            dataMax = Math.Max(dataMax, 0);
        }

        var ticks = NiceTicks.Linear(dataMin, dataMax, targetTickCount);
        return new LinearScale(ticks[0], ticks[^1], targetTickCount);
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
    public double Normalize(double value) => double.IsFinite(value) ? (value - Min) / (Max - Min) : double.NaN;
}
