using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Tests.Sweeps;

/// <summary>A small self-contained scenario (no includes; illustrative values) that tests append a <c>sweep:</c> to.</summary>
internal static class SweepScenarios
{
    // 23 lines; a sweep appended starts on line 24.
    public const string Base = """
        name: sweep-test
        description: small culture for sweep tests
        seed: 5
        replicates: 3
        engine: tau
        drugs:
          crizotinib:
            targets:
              ALK: { ic50_nM: 24, hill: 1.0 }
            pk: { kind: in_vitro }
        catalog:
          EGFR_activation: { kind: bypass, pathway: EGFR, activity: 0.8, probability_per_division: 2.0e-6 }
        mechanisms: [EGFR_activation]
        population:
          initial: [{ genotype: parental, cells: 20000 }]
          b0_per_day: 0.6
          d0_per_day: 0.1
          drug_death_per_day: 0.9
          growth_limit: { kind: logistic, capacity_cells: 1.0e6 }
        protocol:
          - { phase: continuous, days: 15, drugs: { crizotinib: { concentration_nM: 100 } } }
        sampling: { every_days: 3, clone_threshold_cells: 100 }
        stop: { days: 15 }

        """;

    public const string Grid = Base + """
        sweep:
          grid:
            population.b0_per_day: [0.5, 0.7]
            protocol[0].drugs.crizotinib.concentration_nM: [30, 100, 300]

        """;

    public static LoadedSweep Load(string yaml)
    {
        var bag = new DiagnosticBag();
        var document = ScenarioDocumentLoader.LoadText(yaml, "sweep.yaml", LoadOptions.Default, bag);
        return SweepLoader.FromDocument(document, bag);
    }

    public static IReadOnlyList<Diagnostic> Errors(string yaml) =>
        Assert.Throws<ScenarioValidationException>(() => Load(yaml)).Diagnostics;
}
