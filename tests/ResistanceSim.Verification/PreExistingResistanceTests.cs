using System.Diagnostics;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Verification.Support;
using Xunit.Abstractions;

namespace ResistanceSim.Verification;

/// <summary>
/// P(no resistant cell when a tumour grown from one cell is detected at M cells) against Bozic et
/// al. 2013 (eLife 2:e00747; BIOLOGY.md): p = exp(M u ln(s)/(1 − s)), s = 1 − d/b, one resistance
/// mechanism, at the paper's rates b = 0.14, d = 0.13 per day. u is chosen so p = 1/2, where a
/// proportion test has most power; 1,000 detected tumours give a tolerance of 4.5·√(p(1−p)/1000) = 0.071.
/// The hybrid engine runs M = 1e6 and the clinical 1e9; the exact engine M = 1e6 is unaffordable
/// (≈ 3e7 events per tumour) and is covered at M = 1e3 and 1e4 by ResistanceSim.Tests.
/// </summary>
[Trait("Category", "Verification")]
public class PreExistingResistanceTests(ITestOutputHelper output)
{
    private const double Birth = 0.14, Death = 0.13;
    private const int Detected = 1_000;

    [Theory]
    [InlineData(1e6)]
    [InlineData(1e9)]
    public void HybridMatchesBozicAtDetection(double detection)
    {
        double s = 1 - Death / Birth;
        double u = Math.Log(2) * (1 - s) / (detection * -Math.Log(s));   // p = exp(M u ln s / (1 − s)) = 1/2
        var scenario = ReferenceScenarios.PreExistingResistance(Birth, Death, u, detection, EngineKind.Hybrid, seed: 2013);
        var algorithm = Replicates.Named("hybrid").Create();

        var clock = Stopwatch.StartNew();
        int found = 0, withoutResistance = 0, replicate = 0;
        while (found < Detected)
        {
            var end = Replicates.Run(scenario, algorithm, 1, replicate++)[0];
            if (end.Outcome == RunOutcome.Extinct) continue;
            Assert.True(end.FinalCells >= detection, $"replicate {replicate - 1} ended at {end.FinalCells} cells without dying out");
            found++;
            if (end.CellsByMechanism[0] == 0) withoutResistance++;
        }
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"M = {detection:E0}: {replicate} tumours simulated ({Detected} detected) in {clock.Elapsed.TotalSeconds:F1} s"));

        double observed = withoutResistance / (double)Detected;
        double tolerance = Tolerance.ForProportion(0.5, Detected);
        Assert.InRange(observed, 0.5 - tolerance, 0.5 + tolerance);
    }
}
