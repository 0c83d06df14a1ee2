using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Model.Clinical;
using ResistanceSim.Runs;
using ResistanceSim.Runs.Reporting;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// Sanctuary sites imaged on their own (<c>cohort.scans.new_lesion_mm</c>): a site not seen at a line's baseline that
/// grows into a visible lesion is a RECIST new lesion, progression whatever the sum of diameters does.
/// </summary>
public class NewLesionTests
{
    // At 1e9 cells per cm³ a 5 mm sphere holds π/6 · 0.125 cm³ ≈ 6.54e7 cells.
    private const double FiveMillimetreLesionCells = 6.545e7;

    private static ResponseTracker Tracker(double newLesionMm)
    {
        var tracker = new ResponseTracker();
        tracker.Reset(new RecistProgression(TumourImaging.Default with { Lesions = 3, NewLesionMm = newLesionMm }));
        return tracker;
    }

    [Fact]
    public void ASanctuaryUnseenAtBaselineThatGrowsToTheSizeIsProgressionWhileTheSumShrinks()
    {
        var tracker = Tracker(5);
        tracker.Observe(0, 1e10, 1e5);
        tracker.Observe(42, 3e9, FiveMillimetreLesionCells * 0.99);
        Assert.False(tracker.Progressed);
        tracker.Observe(84, 1e9, FiveMillimetreLesionCells * 1.01);
        Assert.True(tracker.Progressed);
        Assert.Equal(84, tracker.ProgressionDay);
        Assert.Equal(84, tracker.NewLesionDay);
        Assert.Equal(RecistResponse.PartialResponse, tracker.BestOverallResponse);
    }

    [Fact]
    public void ANewLesionAtTheFirstScanMakesTheBestResponseProgression()
    {
        var tracker = Tracker(5);
        tracker.Observe(0, 1e10, 0);
        tracker.Observe(42, 3e9, 1e8);
        Assert.Equal(RecistResponse.ProgressiveDisease, tracker.BestOverallResponse);
        Assert.Equal(42, tracker.ProgressionDay);
    }

    [Fact]
    public void ASanctuaryAlreadyVisibleAtBaselineIsNotNew()
    {
        var tracker = Tracker(5);
        tracker.Observe(0, 1e10, 1e8);
        tracker.Observe(42, 3e9, 1e9);
        Assert.False(tracker.Progressed);
        Assert.True(double.IsNaN(tracker.NewLesionDay));
    }

    [Fact]
    public void WithoutSanctuaryImagingOnlyTheSumDecides()
    {
        var tracker = Tracker(0);
        Assert.False(tracker.ImagesSanctuaries);
        tracker.Observe(0, 1e10, 0);
        tracker.Observe(42, 3e9, 1e9);
        Assert.False(tracker.Progressed);
    }

    [Fact]
    public void ALesionVisibleWhenTheNextLineStartsIsKnownOnThatLine()
    {
        var tracker = Tracker(5);
        tracker.Observe(0, 1e10, 0);
        tracker.Observe(42, 1e10, 1e8);
        Assert.True(tracker.Progressed);
        tracker.StartNextLine(42, 1e10, 1e8);
        Assert.True(double.IsNaN(tracker.NewLesionDay));
        tracker.Observe(84, 5e9, 2e8);
        Assert.False(tracker.Progressed);
    }

    private const string Trial = """
        name: new-lesion-test
        description: brain metastases as new lesions
        seed: 5
        engine: hybrid
        drugs:
          tki:
            targets: { ALK: { ic50_nM: 24, hill: 1.0 } }
        catalog:
          brain: { kind: sanctuary, probability_per_division: 1.0e-3, exposure_fold_change: { tki: 0.01 } }
        mechanisms: [brain]
        population:
          initial: [{ genotype: parental, cells: 1 }]
          b0_per_day: 0.3
          d0_per_day: 0.2
          drug_death_per_day: 0.3
          signal: { half_maximal: 0.3, hill: 2 }
        stop: { days: 700 }
        arms:
          - name: tki
            protocol: [{ phase: continuous, days: 700, drugs: { tki: { concentration_nM: 300 } } }]
        cohort:
          patients: 40
          detection_cells: 1.0e5
          variability:
            population.d0_per_day: { normal: { mean: 0.2, sd: 0.01, max: 0.25 } }

        """;

    // 1e5 cells per cm³: a 5 mm sphere holds about 6,500 cells, against a tumour of 1e5 at diagnosis.
    private static IReadOnlyList<ClinicalCourse> Run(double newLesionMm)
    {
        string scans = FormattableString.Invariant($"  scans: {{ every_days: 21, lesions: 1, cells_per_cm3: 1.0e5, new_lesion_mm: {newLesionMm} }}\n");
        return TrialScenarios.Courses(Trial + scans);
    }

    [Fact]
    public void ImagingTheSanctuaryOnlyBringsProgressionForwardForTheSamePatients()
    {
        var apart = Run(5);
        var sumOnly = Run(0);
        // Observation draws no random numbers, so each patient's tumour is the same until the earlier progression.
        int earlier = 0, byNewLesion = 0;
        for (int p = 0; p < apart.Count; p++)
        {
            Assert.True(apart[p].PfsDays <= sumOnly[p].PfsDays, $"patient {p}: {apart[p].PfsDays} > {sumOnly[p].PfsDays}");
            Assert.False(sumOnly[p].ProgressedByNewLesion);
            if (apart[p].ProgressedByNewLesion)
            {
                Assert.True(apart[p].PfsEvent);
                byNewLesion++;
            }
            if (apart[p].PfsDays < sumOnly[p].PfsDays)
            {
                Assert.True(apart[p].ProgressedByNewLesion, $"patient {p} progressed earlier without a new lesion");
                earlier++;
            }
            else if (!apart[p].ProgressedByNewLesion)
            {
                Assert.Equal(sumOnly[p].PfsEvent, apart[p].PfsEvent);
            }
        }
        Assert.True(earlier >= 5, $"only {earlier} of {apart.Count} patients progressed earlier by a new lesion: the test needs some");
        Assert.True(byNewLesion < apart.Count, "every patient progressed by a new lesion: the test needs some who did not");
    }

    [Fact]
    public void TheReadoutCountsTheProgressionsThatWereNewLesionsAndSaysNothingWithoutThem()
    {
        string Readout(double newLesionMm)
        {
            string yaml = Trial + FormattableString.Invariant($"  scans: {{ every_days: 21, lesions: 1, cells_per_cm3: 1.0e5, new_lesion_mm: {newLesionMm} }}\n");
            var loaded = RunnableScenario.Parse(yaml, "trial.yaml");
            Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
            var run = ScenarioRunner.RunInMemory(loaded.Scenario!, new RunSettings { Threads = 2, Plots = false });
            var summary = run.Tables["summary"];
            int flagged = Enumerable.Range(0, summary.RowCount).Count(r => (bool)summary["progression_by_new_lesion", r]!);
            var course = Assert.Single(run.Trial!.Courses);
            Assert.Equal(flagged, course.NewLesionProgressions);
            using var text = new StringWriter();
            TrialResults.Print(text, run.Trial);
            return text.ToString();
        }

        var printed = Readout(5);
        Assert.Matches(@"New lesions, tki: [1-9][0-9]* of [1-9][0-9]* progressions were a sanctuary site", printed);
        Assert.DoesNotContain("New lesions", Readout(0));
    }

    [Fact]
    public void ANegativeNewLesionSizeIsALocatedError()
    {
        string yaml = Trial + "  scans: { every_days: 21, new_lesion_mm: -1 }\n";
        var error = Assert.Single(TrialScenarios.Errors(yaml));
        Assert.Contains("new_lesion_mm", error.Message);
        Assert.Contains("-1", error.Message);
        Assert.Equal(yaml.Split('\n').Length - 1, error.Location.Line);
    }
}
