using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Trials;

/// <summary>The PROFILE 1014 calibration on the first 40 patients of each arm (the full trial runs in the verification suite).</summary>
public class Profile1014ReducedTrialTests
{
    private const int Patients = 40;

    [Fact]
    public void TheFirstFortyPatientsPerArmReproduceThePublishedArms()
    {
        var trial = VirtualTrial.Run(Repository.Scenario(Profile1014Calibration.Scenario), Patients);
        Assert.All(trial.Arms, a => Assert.Equal(Patients, a.Patients));
        Profile1014Calibration.AssertMatchesPublished(trial, Patients);
    }
}
