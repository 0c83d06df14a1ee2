using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Tests.Support;

namespace ResistanceSim.Tests.Engine;

/// <summary>
/// Probability that no resistant cell exists when a tumour grown from one cell reaches M cells
/// (Bozic et al. 2013, eLife 2:e00747): p = exp(M u n ln(s) / (1 − s)), s = 1 − d/b,
/// here with n = 1 resistance mechanism. Tumours that die out before reaching M are not detected
/// and are excluded, as in the derivation.
/// </summary>
public class PreExistingResistanceTests
{
    [Theory]
    // b = 1, d = 0.5 (s = 0.5); M·u = 0.5 gives p = exp(−0.693) = 0.5, where the test has most power.
    [InlineData(1_000, 5e-4, 1_000)]
    [InlineData(10_000, 5e-5, 1_000)]
    public void ProbabilityOfNoResistanceAtDetectionMatchesBozic(double detection, double u, int detected)
    {
        const double birth = 1.0, death = 0.5;
        double s = 1 - death / birth;
        double expected = Math.Exp(detection * u * Math.Log(s) / (1 - s));

        var scenario = ReferenceScenarios.PreExistingResistance(birth, death, u, detection, seed: 2013);
        var algorithm = EngineRunner.Named("exact");
        int found = 0, withoutResistance = 0, replicate = 0;
        while (found < detected)
        {
            var end = EngineRunner.Replicates(scenario, algorithm, 1, replicate++)[0];
            if (end.Outcome == RunOutcome.Extinct) continue;
            found++;
            if (end.CellsByMechanism[0] == 0) withoutResistance++;
        }
        double observed = withoutResistance / (double)detected;
        double tolerance = Tolerance.ForProportion(expected, detected);
        Assert.InRange(observed, expected - tolerance, expected + tolerance);
    }
}
