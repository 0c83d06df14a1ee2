using ResistanceSim.Model;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// <c>growth_limit: { kind: logistic, equilibrium_over_detection: c }</c>: each patient's capacity puts the balance of
/// untreated births and deaths at c times that patient's own detection size, whatever its drawn rates; bad uses are
/// located errors.
/// </summary>
public class SaturatingGrowthTests
{
    private const string Signal = "  signal: { half_maximal: 0.3, hill: 2 }\n";

    private static string WithLimit(string yaml, string limit) =>
        yaml.Replace(Signal, Signal + "  growth_limit: " + limit + "\n", StringComparison.Ordinal);

    private static readonly string VariedCohort = TrialScenarios.Cohort.Replace(
        "    population.d0_per_day: { normal: { mean: 0.2, sd: 0.01, max: 0.25 } }\n",
        "    population.d0_per_day: { normal: { mean: 0.2, sd: 0.01, max: 0.25 } }\n    cohort.detection_cells: { loguniform: { min: 5.0e4, max: 2.0e5 } }\n",
        StringComparison.Ordinal);

    [Fact]
    public void EachPatientsBirthsBalanceDeathsAtTheMultipleOfItsOwnDetectionSize()
    {
        const double overDetection = 1.5;
        string yaml = WithLimit(TrialScenarios.Header + VariedCohort + TrialScenarios.TwoArms,
            $"{{ kind: logistic, equilibrium_over_detection: {overDetection} }}");
        var loaded = TrialScenarios.Load(yaml);
        var capacities = new HashSet<double>();
        for (int patient = 0; patient < loaded.PointsPerArm[0]; patient++)
        {
            var scenario = loaded.ScenarioFor(0, patient);
            var population = scenario.Population;
            double balance = overDetection * scenario.Cohort!.DetectionCells;
            Assert.Equal(GrowthLimitKind.Logistic, population.GrowthLimit.Kind);
            Assert.Equal(population.DeathPerDay, population.BirthPerDay * population.GrowthLimit.BirthFactor(balance), 12);
            Assert.True(population.BirthPerDay * population.GrowthLimit.BirthFactor(scenario.Cohort.DetectionCells) > population.DeathPerDay,
                $"patient {patient} must still grow at its detection size");
            capacities.Add(population.GrowthLimit.CapacityCells);
        }
        Assert.Equal(loaded.PointsPerArm[0], capacities.Count);   // drawn sizes and rates: a capacity per patient
    }

    [Fact]
    public void GrowthSlowsBeforeDiagnosisSoTumoursAreFoundLater()
    {
        // The same patients and streams, without and with the limit: near its balance (1.2 × detection) a tumour grows
        // at a sixth of its early rate, so each history takes longer; its early growth is the same.
        string plain = TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms;
        var free = TrialScenarios.Courses(plain);
        var limited = TrialScenarios.Courses(WithLimit(plain, "{ kind: logistic, equilibrium_over_detection: 1.2 }"));
        Assert.True(limited.Average(c => c.DiagnosisDay) > free.Average(c => c.DiagnosisDay) + 5,
            $"mean diagnosis day {limited.Average(c => c.DiagnosisDay):F1} with the limit, {free.Average(c => c.DiagnosisDay):F1} without");
    }

    [Theory]
    [InlineData("{ kind: logistic, equilibrium_over_detection: 2, capacity_cells: 1.0e6 }", "give capacity_cells or equilibrium_over_detection, not both")]
    [InlineData("{ kind: logistic }", "logistic needs capacity_cells (or, in a cohort, equilibrium_over_detection)")]
    [InlineData("{ kind: logistic, equilibrium_over_detection: 1 }", "equilibrium_over_detection must be > 1 (1 supplied)")]
    [InlineData("{ kind: gompertz, equilibrium_over_detection: 2 }", "equilibrium_over_detection")]
    public void BadLimitsAreLocatedErrors(string limit, string message)
    {
        string yaml = WithLimit(TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms, limit);
        var error = Assert.Single(TrialScenarios.Errors(yaml), e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(TrialScenarios.LineOf(yaml, "growth_limit"), error.Location.Line);
    }

    [Fact]
    public void WithoutACohortThereIsNoDetectionSizeToBeRelativeTo()
    {
        string yaml = WithLimit(TrialScenarios.Header, "{ kind: logistic, equilibrium_over_detection: 2 }")
            + "sampling: { every_days: 1 }\nprotocol: [{ phase: continuous, days: 30, drugs: { tki: { concentration_nM: 300 } } }]\n";
        var errors = TrialScenarios.Errors(yaml);
        Assert.True(errors.Count == 1, string.Join("\n", errors.Select(e => e.Message)));
        var error = errors[0];
        Assert.Contains("needs a cohort", error.Message, StringComparison.Ordinal);
        Assert.Equal(TrialScenarios.LineOf(yaml, "  initial:"), error.Location.Line);   // the population map's location
    }
}
