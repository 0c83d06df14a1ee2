namespace ResistanceSim.Analysis.Proportions;

/// <summary>An observed proportion (e.g. objective response rate) with its confidence interval.</summary>
public readonly record struct ProportionEstimate(int Successes, int Trials, double Proportion, ConfidenceInterval Interval);
