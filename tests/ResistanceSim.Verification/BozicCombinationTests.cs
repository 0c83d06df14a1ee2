using System.Globalization;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Verification.Support;
using Xunit.Abstractions;

namespace ResistanceSim.Verification;

/// <summary>
/// <c>scenarios/bozic-combination.yaml</c> (Bozic's model written directly: the drugs raise death and leave birth
/// alone) against the paper's closed form for eradication by simultaneous dual therapy, with (n12 = 1) and without
/// (n12 = 0) a cross-resistance mutation, at two of Table 1's detection sizes. 400 patients per case; the tolerance
/// is 4.5 binomial standard errors of the closed-form probability at that sample size.
/// </summary>
[Trait("Category", "Verification")]
public class BozicCombinationTests(ITestOutputHelper output)
{
    private const int Patients = 400;

    [Theory]
    [InlineData(8.5e8, 1)]   // Table 1, N22: failure 0.677
    [InlineData(1.6e9, 1)]   // N20: 0.881
    [InlineData(8.5e8, 0)]   // N22: 0.001
    [InlineData(1.6e9, 0)]   // N20: 0.002
    public void SimultaneousDualTherapyFailsAsOftenAsTheClosedFormSays(double detection, int crossResistance)
    {
        var loaded = SweepLoader.Load(Path.Combine(VerificationScenarios.RepositoryRoot(), "scenarios", "bozic-combination.yaml"));
        var arm = loaded.ScenarioFor(0, 0);   // simultaneous
        var catalog = crossResistance == 1 ? arm.Catalog
            : new MechanismCatalog([.. arm.Catalog.All.Where(m => m.Name != "resist_both")], arm.Catalog.MaxAlkMutations);
        var scenario = arm with { Catalog = catalog, Cohort = arm.Cohort! with { DetectionCells = detection } };

        int failed = 0, censored = 0;
        var units = Enumerable.Range(0, Patients).Select(p => new WorkUnit(0, p, 0)).ToArray();
        BatchRunner.Run(scenario, _ => scenario, units, 2, Algorithms.All.First(a => a.Kind == EngineKind.Hybrid), s => new SimulationRun(s), result =>
        {
            var course = result.Summary.Clinical!.Value;
            if (course.PfsEvent) Interlocked.Increment(ref failed);
            else if (!course.Cured) Interlocked.Increment(ref censored);
        }, CancellationToken.None);

        double expected = 1 - BozicCombination.EradicationProbability(detection, crossResistance);
        double observed = (double)failed / Patients;
        double tolerance = Tolerance.ForProportion(expected, Patients);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"M = {detection:G2}, n12 = {crossResistance}: failure {observed:0.000} (closed form {expected:0.000} ± {tolerance:0.000}), {censored} neither cured nor progressed"));
        Assert.Equal(0, censored);   // ten years of follow-up decide every lesion
        Assert.InRange(observed, expected - tolerance, expected + tolerance);
    }
}

/// <summary>
/// The closed form as transcribed reproduces the paper's Table 1. The table gives each patient's burden to two
/// significant figures and the failure probability to three decimals, so the published value (± half its last
/// digit) must fall within the formula's range over the burden's rounding interval.
/// </summary>
[Trait("Category", "Verification")]
public class BozicClosedFormTests
{
    [Theory]
    [InlineData(8.5e8, 1, 0.677)]
    [InlineData(1.3e9, 1, 0.828)]
    [InlineData(1.6e9, 1, 0.881)]
    [InlineData(8.5e8, 0, 0.001)]
    [InlineData(1.6e9, 0, 0.002)]
    [InlineData(5.4e10, 0, 0.068)]
    [InlineData(2.6e11, 0, 0.283)]
    public void FailureProbabilityMatchesTable1(double cells, int crossResistance, double published)
    {
        double halfUnit = 0.5 * Math.Pow(10, Math.Floor(Math.Log10(cells)) - 1);
        double low = 1 - BozicCombination.EradicationProbability(cells - halfUnit, crossResistance);
        double high = 1 - BozicCombination.EradicationProbability(cells + halfUnit, crossResistance);
        Assert.InRange(published, low - 0.0005, high + 0.0005);
    }
}
