using ResistanceSim.Tests.Support;
using Xunit;

namespace ResistanceSim.Tests.Trials;

/// <summary>Regression: a drug taken by mouth only on the cohort's prior lines (not in the arm) once crashed the exposure summary at the end of every run.</summary>
public sealed class PriorLineOralExposureTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rs-prior-oral-" + Guid.NewGuid().ToString("N"));

    public PriorLineOralExposureTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void AnOralDrugGivenOnlyOnThePriorLineIsSummarised()
    {
        string scenario = Path.Combine(_root, "prior-oral.yaml");
        File.WriteAllText(scenario, $$"""
            name: prior-oral
            description: oral crizotinib as the prior line, then observation
            seed: 3
            engine: hybrid
            include: ['{{Repository.Scenario("presets/alk-nsclc.yaml")}}', '{{Repository.Scenario("presets/drugs.yaml")}}', '{{Repository.Scenario("presets/crizotinib-250mg-bid.yaml")}}']
            mechanisms: [EGFR_activation]
            catalog:
              EGFR_activation: { probability_per_division: 1.0e-4, fitness_cost: 0 }
            population:
              initial: [{ genotype: parental, cells: 1 }]
              b0_per_day: 0.5
              d0_per_day: 0.1
              drug_death_per_day: 0.5
            cohort:
              patients: 2
              detection_cells: 1.0e6
              prior_lines:
                - { phase: continuous, days: 400, drugs: { crizotinib: { dose_mg: 250, every_hours: 12 } }, until: progression, line: crizotinib }
            arms:
              - { name: observation, protocol: [{ phase: holiday, days: 60 }] }
            stop: { days: 2000 }
            """);
        var result = Support.Cli.Run("run", scenario, "--out", Path.Combine(_root, "out"), "--no-plots");
        Assert.True(result.ExitCode == 0, result.Error);
        var summary = ResistanceSim.Output.Reading.RunTableReader.Read(Path.Combine(_root, "out", "prior-oral"), "summary");
        Assert.True(summary.RowCount == 2 && summary.Double("prior_line_days", 0) > 0, "both patients should have had the prior line");
    }
}
