using ResistanceSim.Engine.Observation;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// Lines of therapy in cohorts: switching on progression (one notion of nadir and progression for the schedule and
/// the RECIST tracker), prior lines before the studied arm, and the cure endpoint. A small cohort detected at 1e5 cells
/// (illustrative values) so each patient takes milliseconds.
/// </summary>
public class LinesOfTherapyTests
{
    private const string Header = $$"""
        name: lines-test
        description: lines of therapy
        seed: 7
        engine: hybrid
        drugs:
          tki:
            targets: { ALK: { ic50_nM: 24, hill: 1.0 } }
          chemo:
            cytotoxic: { max_kill_per_day: 0.15, ec50_nM: 1000, hill: 1.0 }
        catalog:
          EGFR_activation: { kind: bypass, pathway: EGFR, activity: 0.8, probability_per_division: 2.0e-5 }
          efflux: { kind: chemoresistance, probability_per_division: 2.0e-5, kill_fold_change: { chemo: 0.02 } }
        mechanisms: [EGFR_activation, efflux]
        {{TrialScenarios.SmallTumourPopulation}}
        stop: { days: 1000 }
        cohort:
          patients: 40
          detection_cells: 1.0e5
          scans: { every_days: 21, lesions: 1, cells_per_cm3: 1.0e5 }
          variability:
            drugs.chemo.cytotoxic.max_kill_per_day: { lognormal: { median: 0.5, sigma: 0.6 } }

        """;

    private static IReadOnlyList<ClinicalCourse> Run(string yaml, int arm = 0) => TrialScenarios.Courses(yaml, arm);

    [Fact]
    public void EveryPatientWhoProgressesOnChemotherapyReceivesTheNextLine()
    {
        var courses = Run(Header + """
            arms:
              - name: chemo_then_tki
                protocol:
                  - { phase: intermittent, days: 126, on_days: 1, off_days: 20, drugs: { chemo: { concentration_nM: 3000 } }, until: progression }
                  - { phase: continuous, days: 1000, drugs: { tki: { concentration_nM: 300 } } }
            """);
        var onChemo = courses.Where(c => !double.IsNaN(c.FirstProgressionDay)).ToArray();
        Assert.True(onChemo.Length >= 5, $"only {onChemo.Length} patients progressed on chemotherapy: the test needs some");
        Assert.All(onChemo, c => Assert.Equal(2, c.LinesStarted));
        // Patients who did not progress within the six cycles start the TKI by time: one line, never a skipped one.
        Assert.All(courses.Where(c => double.IsNaN(c.FirstProgressionDay)), c => Assert.Equal(1, c.LinesStarted));
    }

    [Fact]
    public void PriorLinesRunUntilProgressionAndTheArmStartsFromTheTumourTheyLeft()
    {
        string prior = """
              prior_lines:
                - { phase: intermittent, days: 1000, on_days: 6, off_days: 1, drugs: { chemo: { concentration_nM: 3000 } }, until: progression }

            """;
        string arm = """
            arms:
              - name: tki
                protocol: [{ phase: continuous, days: 1000, drugs: { tki: { concentration_nM: 300 } } }]
            """;
        var firstLine = Run(Header + arm);
        var secondLine = Run(Header.Replace("  variability:", prior + "  variability:") + arm);
        // Every second-line patient progressed on the prior line at a scan (days counted from diagnosis).
        Assert.All(secondLine, c => Assert.True(c.PriorLineDays > 0 && c.PriorLineDays % 21 == 0, $"prior line ended at day {c.PriorLineDays}"));
        Assert.All(firstLine, c => Assert.Equal(0, c.PriorLineDays));
        // Chemotherapy to progression selects the efflux mutants: at the start of the studied line more cells are resistant.
        double Resistant(IEnumerable<ClinicalCourse> cs) => cs.Average(c => c.ResistantCellsAtDiagnosis / c.BaselineCells);
        Assert.True(Resistant(secondLine) > 10 * Resistant(firstLine),
            $"resistant share at the arm's start: first line {Resistant(firstLine):G3}, after prior chemotherapy {Resistant(secondLine):G3}");
        // PFS counts from the studied line's start, within its follow-up.
        Assert.All(secondLine, c => Assert.InRange(c.PfsDays, 0, 1000));
    }

    [Fact]
    public void ALesionThatDiesOutIsCuredAndOneThatRegrowsIsNot()
    {
        var courses = Run(Header.Replace("mechanisms: [EGFR_activation, efflux]", "mechanisms: [EGFR_activation]") + """
            arms:
              - name: tki
                protocol: [{ phase: continuous, days: 1000, drugs: { tki: { concentration_nM: 3000 } } }]
            """);
        Assert.Contains(courses, c => c.Cured);
        Assert.Contains(courses, c => c.PfsEvent);
        Assert.All(courses, c => Assert.False(c.Cured && c.PfsEvent));
    }
}
