using ResistanceSim.Tests.Trials;
using ResistanceSim.Verification.Support;

namespace ResistanceSim.Verification;

/// <summary>The full virtual PROFILE 1014 (172 + 171 patients) against the published arms (issue #7; ~2–3 min on 2 cores).</summary>
[Trait("Category", "Verification")]
public class Profile1014FullTrialTests
{
    [Fact]
    public void TheFullTrialReproducesThePublishedArmsAndMechanisms()
    {
        var trial = VirtualTrial.Run(Path.Combine(VerificationScenarios.RepositoryRoot(), "scenarios", Profile1014Calibration.Scenario));
        Assert.Equal([172, 171], trial.Arms.Select(a => a.Patients));
        Profile1014Calibration.AssertMatchesPublished(trial, Profile1014Calibration.FullArmSize);
        // Literature at progression on crizotinib (BIOLOGY.md): ALK kinase-domain mutations in 25–37% of samples, EGFR
        // activation ~40%. Our tumours often carry several mechanisms, so only the lower ends are required here; the
        // measured shares are reported in docs/trials.md.
        Assert.True(Profile1014Calibration.KinaseMutationShare(trial) >= 0.25, "kinase-domain mutations should be found in at least a quarter of progressions");
        Assert.True(Profile1014Calibration.MechanismShare(trial, "EGFR_activation") >= 0.25, "EGFR activation should be common at progression");
    }
}
