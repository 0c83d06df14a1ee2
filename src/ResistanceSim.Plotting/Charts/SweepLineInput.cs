namespace ResistanceSim.Plotting.Charts;

/// <summary>
/// A statistic along a 1-D sweep; optional error bars as absolute interval limits (e.g. a 95% CI)
/// at each point.
/// </summary>
public sealed record SweepSeries(string Name, double[] X, double[] Y)
{
    /// <summary>Lower limit at each point, or null.</summary>
    public double[]? Lower { get; init; }

    /// <summary>Upper limit at each point, or null.</summary>
    public double[]? Upper { get; init; }
}

/// <summary>Input of <see cref="SweepLineChart"/>.</summary>
public sealed record SweepLineInput(string Title, string XLabel, string YLabel, IReadOnlyList<SweepSeries> Series)
{
    /// <summary>Use a log10 x axis (for concentrations, rates, mutation probabilities).</summary>
    public bool LogX { get; init; }

    /// <summary>Extend the y axis to 0 (for counts, times and fractions).</summary>
    public bool YIncludesZero { get; init; } = true;
}
