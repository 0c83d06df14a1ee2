namespace ResistanceSim.Tests.Trials;

/// <summary>Bad cohorts and arms are reported located, with the rule and the value (issue #7).</summary>
public class CohortErrorTests
{
    [Fact]
    public void AnArmNamingAnUnknownDrugIsReportedInThatArm()
    {
        string yaml = TrialScenarios.Header + TrialScenarios.Cohort + """
            arms:
              - name: tki
                protocol: [{ phase: continuous, days: 420, drugs: { tki: { concentration_nM: 300 } } }]
              - name: typo
                protocol: [{ phase: continuous, days: 420, drugs: { crizotnib: { concentration_nM: 300 } } }]

            """;
        var error = Assert.Single(TrialScenarios.Errors(yaml));
        Assert.Equal("arm 'typo': protocol[0].drugs.crizotnib: unknown drug 'crizotnib'", error.Message);
        Assert.Equal(TrialScenarios.LineOf(yaml, "crizotnib"), error.Location.Line);
    }

    [Fact]
    public void ANegativeSigmaIsReportedAtTheSigma()
    {
        string yaml = TrialScenarios.Header + """
            cohort:
              patients: 12
              detection_cells: 1.0e5
              variability:
                population.b0_per_day: { lognormal: { median: 0.3, sigma: -0.2 } }

            """ + TrialScenarios.TwoArms;
        var error = Assert.Single(TrialScenarios.Errors(yaml));
        Assert.Equal("cohort.variability.population.b0_per_day.lognormal.sigma must be >= 0 (-0.2 supplied)", error.Message);
        Assert.Equal(TrialScenarios.LineOf(yaml, "sigma: -0.2"), error.Location.Line);
    }

    [Fact]
    public void AZeroScanIntervalIsRejected()
    {
        string yaml = TrialScenarios.Header + """
            cohort:
              patients: 12
              scans: { every_days: 0 }

            """ + TrialScenarios.TwoArms;
        var error = Assert.Single(TrialScenarios.Errors(yaml));
        Assert.Equal("cohort.scans.every_days must be > 0 (0 supplied)", error.Message);   // shared by both arms: reported once, without an arm
        Assert.Equal(TrialScenarios.LineOf(yaml, "every_days: 0"), error.Location.Line);
    }

    [Theory]
    [InlineData("cohort:\n  patients: 0\n", "cohort.patients must be in [1, 1000000] (0 supplied)")]
    [InlineData("cohort:\n  patients: 4\n  variability:\n    population.b0_per_day: { gamma: { shape: 2 } }\n", "unknown distribution 'gamma'")]
    [InlineData("cohort:\n  patients: 4\n  variability:\n    population.b0_per_day: { uniform: { min: 0.5, max: 0.4 } }\n", "max must be > min (0.4 <= 0.5)")]
    [InlineData("cohort:\n  patients: 4\n  variability:\n    population.b0_per_dya: { uniform: { min: 0.3, max: 0.4 } }\n", "did you mean 'b0_per_day'")]
    [InlineData("cohort:\n  patients: 4\n  detection_cells: 1.0e5\nsampling: { every_days: 7 }\n", "sampling.every_days is set by the cohort's scans")]
    [InlineData("cohort:\n  patients: 4\nreplicates: 3\n", "replicates must be 1 in a cohort")]
    [InlineData("cohort:\n  patients: 4\nengine_settings: {}\nsweep:\n  grid: { population.b0_per_day: [0.3, 0.4] }\n", "either a sweep or a cohort")]
    public void MalformedCohortsAreRejectedWithAReason(string cohort, string message)
    {
        var errors = TrialScenarios.Errors(TrialScenarios.Header + cohort + TrialScenarios.TwoArms);
        Assert.Contains(errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void AnUntreatedTumourThatCannotGrowIsRejected()
    {
        string yaml = (TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms).Replace("d0_per_day: 0.2", "d0_per_day: 0.3", StringComparison.Ordinal);
        var error = Assert.Single(TrialScenarios.Errors(yaml));
        Assert.Contains("parental birth must exceed death", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnArmCannotTreatMorePatientsThanTheCohortHas()
    {
        string yaml = TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms.Replace("  - name: tki_egfri\n", "  - name: tki_egfri\n    patients: 13\n", StringComparison.Ordinal);
        Assert.Contains(TrialScenarios.Errors(yaml), e => e.Message.Contains("arm 'tki_egfri' treats 13 patients but the cohort has 12", StringComparison.Ordinal));
    }

    [Fact]
    public void CohortsNeedAStochasticEngine()
    {
        string yaml = (TrialScenarios.Header + TrialScenarios.Cohort + TrialScenarios.TwoArms).Replace("engine: hybrid", "engine: ode", StringComparison.Ordinal);
        Assert.Contains(TrialScenarios.Errors(yaml), e => e.Message.Contains("cohorts need a stochastic engine", StringComparison.Ordinal));
    }
}
