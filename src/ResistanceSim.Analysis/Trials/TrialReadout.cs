using ResistanceSim.Analysis.Proportions;
using ResistanceSim.Analysis.Survival;

namespace ResistanceSim.Analysis.Trials;

/// <summary>Reads out a (virtual) randomised trial arm by arm, every comparison against the first arm (the reference).</summary>
public static class TrialReadout
{
    public static IReadOnlyList<ArmEndpoints> Analyse(IReadOnlyList<TrialArm> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count == 0) throw new ArgumentException("A trial needs at least one arm.", nameof(arms));
        var reference = arms[0].ProgressionFreeSurvival;
        return [.. arms.Select((arm, index) =>
        {
            if (arm.ObjectiveResponse.Count != arm.Patients)
                throw new ArgumentException($"Arm '{arm.Name}': {arm.ObjectiveResponse.Count} responses for {arm.Patients} patients.", nameof(arms));
            var curve = KaplanMeierEstimator.Estimate(arm.ProgressionFreeSurvival);
            var orr = WilsonScoreInterval.Estimate(arm.ObjectiveResponse.Count(r => r), arm.Patients);
            int events = arm.ProgressionFreeSurvival.Count(o => o.Event);
            if (index == 0) return new ArmEndpoints(arm.Name, arm.Patients, events, curve, orr, null, null, null);
            // Without a progression in either arm there is no hazard to compare: no ratio and no test (a small or short trial).
            if (!reference.Concat(arm.ProgressionFreeSurvival).Any(o => o.Event))
                return new ArmEndpoints(arm.Name, arm.Patients, events, curve, orr, null, null, null);
            var cox = CoxProportionalHazards.FitArms(reference, arm.ProgressionFreeSurvival);
            double p = LogRankTest.Compare([reference, arm.ProgressionFreeSurvival]).PValue;
            return cox.Converged
                ? new ArmEndpoints(arm.Name, arm.Patients, events, curve, orr, cox.HazardRatios[0], cox.HazardRatioIntervals[0], p)
                : new ArmEndpoints(arm.Name, arm.Patients, events, curve, orr, null, null, p);
        })];
    }
}
