namespace ResistanceSim.Analysis.Survival;

/// <summary>Median survival time and its confidence interval. <see cref="Median"/> is NaN when the
/// curve never falls to 0.5; either interval bound is NaN when the corresponding band never does.</summary>
public readonly record struct MedianSurvival(double Median, ConfidenceInterval Interval);
