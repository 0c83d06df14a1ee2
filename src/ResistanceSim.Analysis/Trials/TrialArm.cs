using ResistanceSim.Analysis.Survival;

namespace ResistanceSim.Analysis.Trials;

/// <summary>One arm's patients: PFS (time, event) and whether each had an objective response (CR or PR).</summary>
public sealed record TrialArm(string Name, IReadOnlyList<SurvivalObservation> ProgressionFreeSurvival, IReadOnlyList<bool> ObjectiveResponse)
{
    public int Patients => ProgressionFreeSurvival.Count;
}
