using System.Diagnostics;
using ResistanceSim.Verification.Support;
using Xunit.Abstractions;

namespace ResistanceSim.Verification;

/// <summary>
/// P(no resistant cell when a tumour grown from one cell is detected at M cells) against Bozic et
/// al. 2013 (eLife 2:e00747): p = exp(M u ln(s)/(1 − s)), s = 1 − d/b, one resistance
/// mechanism, at the paper's rates b = 0.14, d = 0.13 per day. u is chosen so p = 1/2, where a
/// proportion test has most power; 1,000 detected tumours give a tolerance of 4.5·√(p(1−p)/1000) = 0.071.
/// The hybrid engine runs M = 1e6 and the clinical 1e9; the exact engine M = 1e6 is unaffordable
/// (≈ 3e7 events per tumour) and is covered at M = 1e3 and 1e4 by ResistanceSim.Tests.
/// </summary>
[Trait("Category", "Verification")]
public class PreExistingResistanceTests(ITestOutputHelper output)
{
    private const int Detected = 1_000;

    [Theory]
    [InlineData(1e6)]
    [InlineData(1e9)]
    public void HybridMatchesBozicAtDetection(double detection)
    {
        var clock = Stopwatch.StartNew();
        var (withoutResistance, simulated) = BozicDetection.Run(BozicDetection.Scenario(detection, seed: 2013), Replicates.Named("hybrid").Create(), Detected);
        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"M = {detection:E0}: {simulated} tumours simulated ({Detected} detected) in {clock.Elapsed.TotalSeconds:F1} s"));

        double tolerance = Tolerance.ForProportion(0.5, Detected);
        Assert.InRange(withoutResistance, 0.5 - tolerance, 0.5 + tolerance);
    }
}
