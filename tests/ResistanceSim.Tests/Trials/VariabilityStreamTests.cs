namespace ResistanceSim.Tests.Trials;

/// <summary>
/// Each <c>variability:</c> entry draws from its own stream keyed by its parameter path and the patient (issue #14
/// item 6): editing one entry must leave every other parameter's draws unchanged, so two versions of a cohort keep
/// common random numbers.
/// </summary>
public class VariabilityStreamTests
{
    private const int Patients = 30;

    private const string DeathRate = "    population.d0_per_day: { normal: { mean: 0.2, sd: 0.01, max: 0.25 } }\n";
    private const string BirthRate = "    population.b0_per_day: { lognormal: { median: 0.3, sigma: 0.05, min: 0.26 } }\n";
    private const string Detection = "    cohort.detection_cells: { loguniform: { min: 1.0e5, max: 1.0e6 } }\n";
    private const string HalfMaximal = "    population.signal.half_maximal: { uniform: { min: 0.1, max: 0.5 } }\n";

    [Fact]
    public void AddingAnEntryLeavesTheOtherParametersDrawsUnchanged()
    {
        var before = Draws(DeathRate, BirthRate);
        var after = Draws(DeathRate, HalfMaximal, BirthRate);
        AssertSameDraws(before, after, "population.d0_per_day", "population.b0_per_day");
    }

    [Fact]
    public void RemovingAnEntryLeavesTheOtherParametersDrawsUnchanged()
    {
        var before = Draws(Detection, DeathRate, BirthRate);
        var after = Draws(DeathRate, BirthRate);
        AssertSameDraws(before, after, "population.d0_per_day", "population.b0_per_day");
    }

    [Fact]
    public void ReorderingEntriesLeavesEveryParametersDrawsUnchanged()
    {
        var before = Draws(DeathRate, BirthRate, Detection);
        var after = Draws(Detection, BirthRate, DeathRate);
        AssertSameDraws(before, after, "population.d0_per_day", "population.b0_per_day", "cohort.detection_cells");
    }

    [Fact]
    public void ChangingOneDistributionRedrawsOnlyThatParameter()
    {
        var before = Draws(DeathRate, BirthRate);
        var after = Draws(DeathRate, BirthRate.Replace("sigma: 0.05", "sigma: 0.08", StringComparison.Ordinal));
        AssertSameDraws(before, after, "population.d0_per_day");
        Assert.NotEqual(before["population.b0_per_day"], after["population.b0_per_day"]);
    }

    [Fact]
    public void ParametersWithTheSameDistributionDrawIndependently()
    {
        // Same uniform on two paths: a shared stream would give equal values for every patient.
        var draws = Draws(
            "    population.signal.half_maximal: { uniform: { min: 0.1, max: 0.5 } }\n",
            "    population.signal.hill: { uniform: { min: 0.1, max: 0.5 } }\n");
        var differing = Enumerable.Range(0, Patients).Count(p => draws["population.signal.half_maximal"][p] != draws["population.signal.hill"][p]);
        Assert.Equal(Patients, differing);
    }

    /// <summary>Each parameter path's values for patients 0 … n−1, as patched into the scenarios.</summary>
    private static Dictionary<string, string[]> Draws(params string[] entries)
    {
        string cohort = $"cohort:\n  patients: {Patients}\n  detection_cells: 1.0e5\n  scans: {{ every_days: 42, lesions: 1, cells_per_cm3: 1.0e5 }}\n  variability:\n{string.Concat(entries)}\n";
        var sweep = TrialScenarios.Load(TrialScenarios.Header + cohort + TrialScenarios.TwoArms).Sweep;
        Assert.Equal(entries.Length, sweep.Parameters.Count);
        return sweep.Parameters
            .Select((parameter, j) => (parameter.Path, Values: sweep.Points.Select(point => point.Values[j]).ToArray()))
            .ToDictionary(x => x.Path, x => x.Values, StringComparer.Ordinal);
    }

    private static void AssertSameDraws(Dictionary<string, string[]> before, Dictionary<string, string[]> after, params string[] paths)
    {
        foreach (string path in paths)
        {
            Assert.Equal(Patients, before[path].Length);
            Assert.Equal(before[path], after[path]);
            Assert.True(before[path].Distinct(StringComparer.Ordinal).Count() > Patients / 2, $"{path} should vary between patients");
        }
    }
}
