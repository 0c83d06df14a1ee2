using System.Globalization;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// <c>cohort.variability</c> mixtures: each patient draws from one named component with probability its weight, inside
/// that component's bounds; one component may leave its weight out and take the rest; bad mixtures are located errors.
/// </summary>
public class MixtureVariabilityTests
{
    private const int Patients = 2000;

    [Fact]
    public void EachPatientDrawsFromOneComponentInItsWeightsShare()
    {
        var values = Draws("""
                population.signal.alk_independent:
                  mixture:
                    few: { weight: 0.2, uniform: { min: 0.6, max: 0.9 } }
                    most: { weight: 0.8, lognormal: { median: 0.05, sigma: 0.5, max: 0.5 } }
            """);
        int few = values.Count(v => v >= 0.6);
        Assert.All(values, v => Assert.True(v is >= 0.6 and <= 0.9 || v is > 0 and <= 0.5, $"{v} is in neither component's bounds"));
        AssertShare(0.2, few);
        // The log-normal component keeps its median: half of its patients lie below 0.05 (binomial, 4 SD).
        var most = values.Where(v => v < 0.6).ToArray();
        AssertShare(0.5, most.Count(v => v < 0.05), most.Length);
    }

    [Fact]
    public void AComponentWithoutAWeightTakesTheRest()
    {
        var values = Draws("""
                population.signal.alk_independent:
                  mixture:
                    few: { weight: 0.3, uniform: { min: 0.6, max: 0.9 } }
                    rest: { uniform: { min: 0.01, max: 0.1 } }
            """);
        AssertShare(0.3, values.Count(v => v >= 0.6));
    }

    [Fact]
    public void AComponentCanBeChangedByAPathAsAPresetOrACalibrationDoes()
    {
        const string mixture = """
                population.signal.alk_independent:
                  mixture:
                    few: { weight: 0.05, uniform: { min: 0.6, max: 0.9 } }
                    rest: { uniform: { min: 0.01, max: 0.1 } }
            """;
        var values = Draws(mixture.Replace("weight: 0.05", "weight: 0.5", StringComparison.Ordinal));
        AssertShare(0.5, values.Count(v => v >= 0.6));
        Assert.InRange(Draws(mixture).Count(v => v >= 0.6), 1, Patients / 5);
    }

    [Theory]
    [InlineData("few: { weight: 0.3, uniform: { min: 0.6, max: 0.9 } }\n        more: { weight: 0.3, uniform: { min: 0.01, max: 0.1 } }",
        "cohort.variability.population.signal.alk_independent.mixture weights must sum to 1 (0.6 given)")]
    [InlineData("few: { uniform: { min: 0.6, max: 0.9 } }\n        more: { uniform: { min: 0.01, max: 0.1 } }",
        "cohort.variability.population.signal.alk_independent.mixture.more has no weight, and neither has cohort.variability.population.signal.alk_independent.mixture.few")]
    [InlineData("few: { weight: 1, uniform: { min: 0.6, max: 0.9 } }\n        more: { uniform: { min: 0.01, max: 0.1 } }",
        "must leave a share for the one without (1 given)")]
    [InlineData("only: { weight: 1, uniform: { min: 0.6, max: 0.9 } }",
        "mixture needs at least two components (1 given)")]
    [InlineData("few: { weight: 0.2, uniform: { min: 0.6, max: 0.9 }, normal: { mean: 0.1, sd: 0.1 } }\n        more: { uniform: { min: 0.01, max: 0.1 } }",
        "mixture.few must hold exactly one distribution (lognormal, normal, uniform, loguniform) beside its weight (2 given)")]
    [InlineData("few: { weight: 0.2, mixture: {} }\n        more: { uniform: { min: 0.01, max: 0.1 } }",
        "unknown key 'mixture'")]
    [InlineData("few: { weight: 1.5, uniform: { min: 0.6, max: 0.9 } }\n        more: { uniform: { min: 0.01, max: 0.1 } }",
        "mixture.few.weight must be in (0, 1] (1.5 supplied)")]
    [InlineData("few: { weigth: 0.2, uniform: { min: 0.6, max: 0.9 } }\n        more: { uniform: { min: 0.01, max: 0.1 } }",
        "did you mean 'weight'")]
    public void MalformedMixturesAreLocatedErrors(string components, string message)
    {
        string yaml = TrialScenarios.Header + $"""
            cohort:
              patients: 4
              detection_cells: 1.0e5
              variability:
                population.signal.alk_independent:
                  mixture:
                    {components}

            """ + TrialScenarios.TwoArms;
        var errors = TrialScenarios.Errors(yaml);
        var error = Assert.Single(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.True(error.Location.Line > 0, "the error names a line");
    }

    /// <summary>Every patient's drawn value of the one variability entry.</summary>
    private static double[] Draws(string entry)
    {
        string cohort = $"cohort:\n  patients: {Patients}\n  detection_cells: 1.0e5\n  scans: {{ every_days: 42, lesions: 1, cells_per_cm3: 1.0e5 }}\n  variability:\n{entry}\n";
        var sweep = TrialScenarios.Load(TrialScenarios.Header + cohort + TrialScenarios.TwoArms).Sweep;
        Assert.Single(sweep.Parameters);
        return [.. sweep.Points.Select(p => double.Parse(p.Values[0], CultureInfo.InvariantCulture))];
    }

    /// <summary>A binomial count against its expected share: within 4 standard deviations (fixed seed, so not flaky).</summary>
    private static void AssertShare(double share, int count, int n = Patients)
    {
        double sd = Math.Sqrt(share * (1 - share) / n);
        Assert.InRange((double)count / n, share - 4 * sd, share + 4 * sd);
    }
}
