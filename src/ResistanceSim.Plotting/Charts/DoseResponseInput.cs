namespace ResistanceSim.Plotting.Charts;

/// <summary>A confidence interval [<paramref name="Lower"/>, <paramref name="Upper"/>].</summary>
public readonly record struct Interval(double Lower, double Upper);

/// <summary>
/// One population of a dose–response assay: measured viability at each concentration (optional
/// symmetric error, e.g. SD or SEM, per point), an optional fitted Hill curve and the IC50's
/// confidence interval. Points at concentration ≤ 0 (vehicle controls) cannot sit on the log axis
/// and are not drawn.
/// </summary>
public sealed record DoseResponseSeries(string Name, double[] Concentrations, double[] Viability)
{
    /// <summary>Half-length of each point's error bar, or null for none.</summary>
    public double[]? Error { get; init; }

    /// <summary>The fitted curve, or null when the fit failed or was not done.</summary>
    public HillCurve? Fit { get; init; }

    /// <summary>Confidence interval of the fitted IC50.</summary>
    public Interval? Ic50Interval { get; init; }
}

/// <summary>Input of <see cref="DoseResponseChart"/>, e.g. parental vs evolved cells.</summary>
public sealed record DoseResponseInput(string Title, IReadOnlyList<DoseResponseSeries> Series)
{
    /// <summary>Horizontal (log) axis title.</summary>
    public string ConcentrationLabel { get; init; } = "Concentration (nM)";

    /// <summary>Vertical axis title.</summary>
    public string ViabilityLabel { get; init; } = "Viability (fraction of control)";

    /// <summary>Unit appended to IC50 values in the legend.</summary>
    public string ConcentrationUnit { get; init; } = "nM";
}
