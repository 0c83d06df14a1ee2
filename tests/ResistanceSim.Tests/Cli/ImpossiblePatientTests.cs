using ResistanceSim.Tests.Support;
using Xunit;

namespace ResistanceSim.Tests.Cli;

/// <summary>A cohort whose values make a patient impossible (here: every tumour dies on the prior line: ALK-addicted cells without any resistance under a saturating crizotinib level) is bad input (exit 2, the reason named), not an internal error.</summary>
public sealed class ImpossiblePatientTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rs-impossible-" + Guid.NewGuid().ToString("N"));

    public ImpossiblePatientTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void APriorLineThatCuresEveryTumourIsReportedAsBadInput()
    {
        string scenario = Path.Combine(_root, "cured.yaml");
        File.WriteAllText(scenario, $$"""
            name: cured-by-the-prior-line
            description: every tumour dies out on the prior line
            seed: 1
            engine: tau
            include: ['{{Repository.Scenario("presets/alk-nsclc.yaml")}}', '{{Repository.Scenario("presets/drugs.yaml")}}']
            mechanisms: []
            population:
              initial: [{ genotype: parental, cells: 1 }]
              b0_per_day: 0.5
              d0_per_day: 0.1
              drug_death_per_day: 0.9
            cohort:
              patients: 1
              detection_cells: 200
              prior_lines:
                - { phase: continuous, days: 60, drugs: { crizotinib: { concentration_nM: 10000 } }, until: progression, line: first }
            arms:
              - { name: after, protocol: [{ phase: holiday, days: 30 }] }
            stop: { days: 400 }
            """);
        var result = Support.Cli.Run("run", scenario, "--out", Path.Combine(_root, "out"), "--no-plots");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("can never start the studied line", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }
}
