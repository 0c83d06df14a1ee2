using ResistanceSim.Model.Clinical;

namespace ResistanceSim.Analysis.Recist;

/// <summary>
/// A patient's RECIST course: every follow-up scan classified, the best overall response (best
/// category recorded before and including the first PD; no confirmation required) and the time of the
/// first progression (null if none was seen).
/// </summary>
public sealed record RecistAssessment(
    TumourScan Baseline,
    IReadOnlyList<ScanAssessment> Scans,
    RecistResponse BestOverallResponse,
    double? TimeOfFirstProgression)
{
    /// <summary>True when the best overall response is CR or PR (counts towards the objective response rate).</summary>
    public bool IsObjectiveResponse => RecistResponses.IsObjectiveResponse(BestOverallResponse);
}
