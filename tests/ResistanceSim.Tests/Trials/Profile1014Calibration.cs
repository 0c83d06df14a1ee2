using ResistanceSim.Model;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// The PROFILE 1014 targets (Solomon et al. 2014, NEJM 371:2167; BIOLOGY.md) and the tolerances issue #7
/// sets for the full trial (172 + 171 patients): median PFS ±15%, ORR ±8 points. A reduced cohort of n per arm
/// has sampling errors larger by √(172/n), so its tolerances are widened by exactly that factor.
/// </summary>
public static class Profile1014Calibration
{
    public const string Scenario = "profile-1014-virtual-trial.yaml";
    public const int FullArmSize = 172;

    public static void AssertMatchesPublished(VirtualTrial.Result trial, int patientsPerArm)
    {
        double widen = Math.Sqrt((double)FullArmSize / patientsPerArm);
        var crizotinib = trial.Arms.Single(a => a.Name == "crizotinib");
        var chemotherapy = trial.Arms.Single(a => a.Name == "pemetrexed_platinum");
        AssertMedian(crizotinib, 10.9, widen);
        AssertMedian(chemotherapy, 7.0, widen);
        AssertOrr(crizotinib, 0.74, widen);
        AssertOrr(chemotherapy, 0.45, widen);
        // A model in which the arms did not differ would give an interval around 1: require the whole 95% CI above it.
        Assert.True(chemotherapy.HazardRatioInterval is { Lower: > 1 },
            $"chemotherapy should progress sooner than crizotinib (HR {chemotherapy.HazardRatio}, 95% CI {chemotherapy.HazardRatioInterval})");
    }

    /// <summary>Share of progressions on crizotinib (arm 0) carrying any ALK kinase-domain mutation.</summary>
    public static double KinaseMutationShare(VirtualTrial.Result trial) =>
        ShareCarrying(trial, m => m is AlkKinaseMutation);

    /// <summary>Share of progressions on crizotinib (arm 0) carrying the named mechanism.</summary>
    public static double MechanismShare(VirtualTrial.Result trial, string mechanism) =>
        ShareCarrying(trial, m => m.Name == mechanism);

    private static double ShareCarrying(VirtualTrial.Result trial, Func<Mechanism, bool> selected)
    {
        var catalog = trial.Loaded.Scenario.Catalog;
        ulong mask = 0;
        for (int m = 0; m < catalog.All.Count; m++)
            if (selected(catalog.All[m])) mask |= 1UL << m;
        var progressions = trial.MechanismsAtProgression[0];
        return (double)progressions.Count(found => (found & mask) != 0) / progressions.Count;
    }

    private static void AssertMedian(Analysis.Trials.ArmEndpoints arm, double publishedMonths, double widen)
    {
        double months = arm.MedianPfs.Median / (365.25 / 12);
        double tolerance = 0.15 * widen;
        Assert.True(Math.Abs(months / publishedMonths - 1) <= tolerance,
            $"{arm.Name}: median PFS {months:0.0} months vs published {publishedMonths} (±{tolerance:P0})");
    }

    private static void AssertOrr(Analysis.Trials.ArmEndpoints arm, double published, double widen)
    {
        double tolerance = 0.08 * widen;
        Assert.True(Math.Abs(arm.ObjectiveResponse.Proportion - published) <= tolerance,
            $"{arm.Name}: ORR {arm.ObjectiveResponse.Proportion:0.00} vs published {published} (±{tolerance:0.00})");
    }
}
