using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Scenarios.Diagnostics;
using ResistanceSim.Scenarios.Sweeps;
using ResistanceSim.Scenarios.Yaml;

namespace ResistanceSim.Tests.Trials;

/// <summary>A small self-contained cohort (illustrative values; tumours detected at 1e5 cells so runs take milliseconds).</summary>
internal static class TrialScenarios
{
    /// <summary>
    /// The tumour of the small test cohorts (illustrative): one cell growing at a net 0.1 per day, whose growth the ALK
    /// signal drives and whose death drug stress raises. A YAML block for <c>{{…}}</c> at a line's start in a raw string.
    /// </summary>
    public const string SmallTumourPopulation = """
        population:
          initial: [{ genotype: parental, cells: 1 }]
          b0_per_day: 0.3
          d0_per_day: 0.2
          drug_death_per_day: 0.3
          signal: { half_maximal: 0.3, hill: 2 }
        """;

    public const string Header = $$"""
        name: trial-test
        description: small virtual trial for tests
        seed: 11
        engine: hybrid
        drugs:
          tki:
            targets:
              ALK: { ic50_nM: 24, hill: 1.0 }
            pk: { kind: in_vitro }
          egfri:
            targets:
              EGFR: { ic50_nM: 20, hill: 1.0 }
            pk: { kind: in_vitro }
        catalog:
          EGFR_activation: { kind: bypass, pathway: EGFR, activity: 0.8, probability_per_division: 2.0e-5, fitness_cost: 0.01 }
        mechanisms: [EGFR_activation]
        {{SmallTumourPopulation}}
        stop: { days: 420 }

        """;

    public const string Cohort = """
        cohort:
          patients: 12
          detection_cells: 1.0e5
          scans: { every_days: 42, lesions: 1, cells_per_cm3: 1.0e5 }
          variability:
            population.d0_per_day: { normal: { mean: 0.2, sd: 0.01, max: 0.25 } }

        """;

    public const string TwoArms = """
        arms:
          - name: tki
            protocol: [{ phase: continuous, days: 420, drugs: { tki: { concentration_nM: 300 } } }]
          - name: tki_egfri
            protocol: [{ phase: continuous, days: 420, drugs: { tki: { concentration_nM: 300 }, egfri: { concentration_nM: 300 } } }]

        """;

    public const string IdenticalArms = """
        arms:
          - name: first
            protocol: [{ phase: continuous, days: 420, drugs: { tki: { concentration_nM: 300 } } }]
          - name: second
            protocol: [{ phase: continuous, days: 420, drugs: { tki: { concentration_nM: 300 } } }]

        """;

    /// <summary>
    /// A cohort of 40 patients whose tumours (detected at 1e5 cells) seed a brain sanctuary, which the one drug reaches at
    /// 1% of its level, at <paramref name="seedingPerDivision"/>; <paramref name="arms"/> identical arms. Cohort keys
    /// (two spaces in) may be appended, such as its scans.
    /// </summary>
    public static string BrainSanctuaryTrial(string name, double seedingPerDivision, int arms = 1)
    {
        const string arm = "    protocol: [{ phase: continuous, days: 700, drugs: { tki: { concentration_nM: 300 } } }]\n";
        string armList = string.Concat(Enumerable.Range(0, arms).Select(a => (a == 0 ? "  - name: tki\n" : $"  - name: tki_{a}\n") + arm));
        return FormattableString.Invariant($$"""
            name: {{name}}
            description: a cohort with a brain sanctuary
            seed: 5
            engine: hybrid
            drugs:
              tki:
                targets: { ALK: { ic50_nM: 24, hill: 1.0 } }
            catalog:
              brain: { kind: sanctuary, probability_per_division: {{seedingPerDivision:R}}, exposure_fold_change: { tki: 0.01 } }
            mechanisms: [brain]
            {{SmallTumourPopulation}}
            stop: { days: 700 }
            arms:

            """) + armList + """
            cohort:
              patients: 40
              detection_cells: 1.0e5
              variability:
                population.d0_per_day: { normal: { mean: 0.2, sd: 0.01, max: 0.25 } }

            """;
    }

    public static LoadedSweep Load(string yaml)
    {
        var bag = new DiagnosticBag();
        return SweepLoader.FromDocument(ScenarioDocumentLoader.LoadText(yaml, "trial.yaml", LoadOptions.Default, bag), bag);
    }

    /// <summary>Every patient's course in arm <paramref name="arm"/> of <paramref name="yaml"/>, on the hybrid engine, two threads.</summary>
    public static IReadOnlyList<ClinicalCourse> Courses(string yaml, int arm = 0)
    {
        var loaded = Load(yaml);
        var courses = new ClinicalCourse[loaded.PointsPerArm[arm]];
        var units = Enumerable.Range(0, courses.Length).Select(p => new WorkUnit(arm, p, 0)).ToArray();
        BatchRunner.Run(loaded.Scenario, unit => loaded.ScenarioFor(unit.Arm, unit.Point), units, 2,
            Algorithms.All.First(a => a.Kind == EngineKind.Hybrid), s => new SimulationRun(s),
            result => courses[result.Unit.Point] = result.Summary.Clinical!.Value, CancellationToken.None);
        return courses;
    }

    /// <summary>
    /// Every patient's course in every arm of <paramref name="yaml"/> (indexed [arm][patient]), on the hybrid engine with one
    /// worker, the arms sharing each patient's history as a run does (<see cref="SharedHistories"/>).
    /// </summary>
    public static ClinicalCourse[][] CoursesSharingHistories(string yaml)
    {
        var loaded = Load(yaml);
        var courses = loaded.PointsPerArm.Select(points => new ClinicalCourse[points]).ToArray();
        var units = courses.SelectMany((arm, a) => Enumerable.Range(0, arm.Length).Select(p => new WorkUnit(a, p, 0))).ToArray();
        BatchRunner.Run(loaded.Scenario, unit => loaded.ScenarioFor(unit.Arm, unit.Point), units, 1,
            Algorithms.All.First(a => a.Kind == EngineKind.Hybrid), s => new SimulationRun(s),
            result => courses[result.Unit.Arm][result.Unit.Point] = result.Summary.Clinical!.Value, CancellationToken.None,
            SharedHistories.ForCohort(loaded.Scenario, units));
        return courses;
    }

    /// <summary>1-based line of the first line containing <paramref name="text"/>.</summary>
    public static int LineOf(string yaml, string text) =>
        1 + Array.FindIndex(yaml.Split('\n'), line => line.Contains(text, StringComparison.Ordinal));

    public static IReadOnlyList<Diagnostic> Errors(string yaml) =>
        Assert.Throws<ScenarioValidationException>(() => Load(yaml)).Diagnostics;

    /// <summary>The one error <paramref name="yaml"/> gives, asserted to be located at its last line (where a test appends the key it checks).</summary>
    public static Diagnostic ErrorOnTheLastLine(string yaml)
    {
        var error = Assert.Single(Errors(yaml));
        Assert.Equal(yaml.Split('\n').Length - 1, error.Location.Line);
        return error;
    }
}
