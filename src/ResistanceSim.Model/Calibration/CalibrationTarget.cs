namespace ResistanceSim.Model.Calibration;

/// <summary>What a target measures in a run's tables.</summary>
public enum TargetMetric
{
    /// <summary>Kaplan–Meier median PFS of an arm, months (the longest follow-up when the median is not reached).</summary>
    MedianPfsMonths,

    /// <summary>Objective response rate of an arm (fraction).</summary>
    ObjectiveResponseRate,

    /// <summary>Kaplan–Meier progression-free fraction of an arm at a time, months.</summary>
    PfsAtMonths,

    /// <summary>Cox hazard ratio of PFS of an arm against the scenario's first arm.</summary>
    HazardRatio,

    /// <summary>Share of an arm's progressions carrying any of the named mechanisms.</summary>
    MechanismShare,

    /// <summary>Median over work units of the fitted IC50 (nM) of an assay's drug at the assay time nearest a day.</summary>
    Ic50,

    /// <summary>Median over work units of log10 total cells at the sample nearest a day.</summary>
    Log10Cells,

    /// <summary>Share of an arm's patients whose progression was at a sanctuary site imaged apart (such as the brain).</summary>
    SanctuaryProgressionShare,

    /// <summary>Share of an arm's patients with a sanctuary lesion visible at the arm's baseline scan.</summary>
    SanctuaryAtBaselineShare,
}

/// <summary>The patients of an arm a median PFS is read over.</summary>
public enum TrialSubgroup
{
    /// <summary>Every patient of the arm.</summary>
    All,

    /// <summary>Those with a sanctuary lesion (such as a brain metastasis) visible at the arm's baseline scan.</summary>
    SanctuaryAtBaseline,

    /// <summary>Those without one.</summary>
    NoSanctuaryAtBaseline,
}

/// <summary>What a metric reads.</summary>
public static class TargetMetricKinds
{
    /// <summary>True for the metrics of a trial's arm (they need <c>arm</c> and a cohort scenario).</summary>
    public static bool ReadsTrial(this TargetMetric metric) => metric is TargetMetric.MedianPfsMonths or TargetMetric.ObjectiveResponseRate
        or TargetMetric.PfsAtMonths or TargetMetric.HazardRatio or TargetMetric.MechanismShare
        or TargetMetric.SanctuaryProgressionShare or TargetMetric.SanctuaryAtBaselineShare;

    /// <summary>True for the metrics that read sanctuary lesions imaged apart (<c>cohort.scans.new_lesion_mm</c> &gt; 0).</summary>
    public static bool ReadsSanctuaries(this TargetMetric metric) =>
        metric is TargetMetric.SanctuaryProgressionShare or TargetMetric.SanctuaryAtBaselineShare;
}

/// <summary>
/// A published value (or range) a run should reproduce, with the scale its miss is measured in: the distance
/// contribution is (simulated − published) / scale, 0 inside a published range.
/// </summary>
/// <param name="Arm">Arm name for trial metrics; empty otherwise.</param>
/// <param name="At">Months (PFS at) or day (IC50, cells); NaN when the metric takes none.</param>
/// <param name="Low">Published value, or the low end of a published range.</param>
/// <param name="High">Equal to <paramref name="Low"/> for a single value.</param>
/// <param name="Scale">Tolerance (or standard error) the miss is divided by.</param>
/// <param name="Source">Where the published value comes from (for the report).</param>
public sealed record CalibrationTarget(
    string Name, string Scenario, TargetMetric Metric, string Arm, double At, string Assay, string Drug,
    IReadOnlyList<string> Mechanisms, double Low, double High, double Scale, string Source)
{
    /// <summary>Standardised miss: 0 inside [Low, High], else the distance to the nearer end over the scale; NaN stays NaN.</summary>
    public double Miss(double simulated) =>
        simulated < Low ? (simulated - Low) / Scale : simulated > High ? (simulated - High) / Scale : double.IsNaN(simulated) ? double.NaN : 0;

    /// <summary>
    /// How many scales a simulated value may miss by and still be within tolerance: 1 for a tolerance, 1.96 for a
    /// standard error (the published 95% interval), 0 for a published range given without either (the range is the band).
    /// </summary>
    public double Allowance { get; init; } = 1;

    /// <summary>The arm's patients a median PFS is read over (trials report it by brain metastases at baseline).</summary>
    public TrialSubgroup Subgroup { get; init; } = TrialSubgroup.All;

    /// <summary>Whether it reads sanctuary lesions imaged apart: its metric does, or its subgroup is defined by them.</summary>
    public bool ReadsSanctuaries => Metric.ReadsSanctuaries() || Subgroup != TrialSubgroup.All;

    /// <summary>Whether the simulated value is within tolerance (|miss| ≤ <see cref="Allowance"/>).</summary>
    public bool Within(double simulated) => Math.Abs(Miss(simulated)) <= Allowance;
}
