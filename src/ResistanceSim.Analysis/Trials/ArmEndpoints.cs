using ResistanceSim.Analysis.Proportions;
using ResistanceSim.Analysis.Survival;

namespace ResistanceSim.Analysis.Trials;

/// <summary>
/// A trial arm's readout: Kaplan–Meier PFS (median with Brookmeyer–Crowley 95% CI), ORR with its Wilson 95% CI,
/// and — for every arm after the first — the Cox hazard ratio against the first arm (Efron ties, Wald 95% CI) and the
/// two-group log-rank p-value. <see cref="HazardRatio"/> is null for the first arm and when the Cox fit does not
/// converge (an arm without events: monotone likelihood).
/// </summary>
public sealed record ArmEndpoints(
    string Name, int Patients, int Events, KaplanMeierCurve Curve, ProportionEstimate ObjectiveResponse,
    double? HazardRatio, ConfidenceInterval? HazardRatioInterval, double? LogRankPValue)
{
    public MedianSurvival MedianPfs => Curve.Median;
}
