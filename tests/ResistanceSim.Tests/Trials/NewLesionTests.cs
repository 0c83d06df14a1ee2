using System.Globalization;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Engine.Running;
using ResistanceSim.Model;
using ResistanceSim.Model.Clinical;
using ResistanceSim.Runs;
using ResistanceSim.Runs.Reporting;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// Sanctuary sites imaged on their own (<c>cohort.scans.new_lesion_mm</c>): a site not seen at a line's baseline that
/// grows into a visible lesion is a RECIST new lesion, and one seen there progresses by its own growth (20% and 5 mm
/// over its nadir), whatever the sum of diameters — now of the rest of the body — does.
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

    // 1e8 cells make a 5.76 mm sphere, 1.5e8 6.59 mm, 6e8 10.5 mm, 1e9 12.4 mm.
    [Fact]
    public void ASanctuaryVisibleAtBaselineIsNotNewButProgressesByItsOwnGrowth()
    {
        var tracker = Tracker(5);
        tracker.Observe(0, 1e10, 1e8);
        tracker.Observe(42, 3e9, 1.5e8);
        Assert.False(tracker.Progressed, "0.8 mm of growth is not progression");
        tracker.Observe(84, 3e9, 1e9);
        Assert.True(tracker.Progressed, "12.4 mm over a 5.76 mm nadir is 20% and 5 mm");
        Assert.Equal(84, tracker.SanctuaryProgressionDay);
        Assert.True(double.IsNaN(tracker.NewLesionDay));
    }

    [Fact]
    public void TheBaselineScanRecordsTheSanctuaryLesionsDiameterOrZeroWhenUnseen()
    {
        var visible = Tracker(5);
        visible.Observe(0, 1e10, 1e8);
        visible.Observe(42, 3e9, 1e9);
        Assert.Equal(5.76, visible.BaselineSanctuaryMm, 2);   // the baseline's, not the later scan's 12.4 mm

        var unseen = Tracker(5);
        unseen.Observe(0, 1e10, FiveMillimetreLesionCells * 0.99);
        Assert.Equal(0, unseen.BaselineSanctuaryMm);

        var notImaged = Tracker(0);
        notImaged.Observe(0, 1e10, 1e8);
        Assert.True(double.IsNaN(notImaged.BaselineSanctuaryMm));
    }

    [Fact]
    public void TheSanctuaryLesionIsJudgedAgainstItsOwnNadir()
    {
        var tracker = Tracker(5);
        tracker.Observe(0, 1e10, 1e9);
        tracker.Observe(42, 3e9, 2e8);
        tracker.Observe(84, 3e9, 6e8);
        // 7.26 → 10.5 mm: 45% but 3.2 mm; the baseline's 12.4 mm would say shrinkage either way.
        Assert.False(tracker.Progressed);
        tracker.Observe(126, 3e9, 1e9);
        Assert.True(tracker.Progressed);
        Assert.Equal(126, tracker.SanctuaryProgressionDay);
    }

    [Fact]
    public void ALesionThatDisappearedAndComesBackIsNew()
    {
        var tracker = Tracker(5);
        tracker.Observe(0, 1e10, 1e8);
        tracker.Observe(42, 3e9, 1e6);
        Assert.False(tracker.Progressed);
        tracker.Observe(84, 3e9, FiveMillimetreLesionCells * 1.01);
        Assert.True(tracker.Progressed);
        Assert.Equal(84, tracker.NewLesionDay);
    }

    [Fact]
    public void TheSumOfDiametersLeavesTheImagedSanctuaryOut()
    {
        var apart = Tracker(5);
        apart.Observe(0, 1e10, 4e9);
        var imaging = TumourImaging.Default with { Lesions = 3 };
        Assert.Equal(imaging.SumOfDiametersMm(6e9), apart.BaselineMm, 12);
        var together = Tracker(0);
        together.Observe(0, 1e10, 4e9);
        Assert.Equal(imaging.SumOfDiametersMm(1e10), together.BaselineMm, 12);
    }

    [Fact]
    public void AVisibleSanctuaryLesionBarsACompleteResponse()
    {
        var tracker = Tracker(5);
        tracker.Observe(0, 1e10, 1e8);
        tracker.Observe(42, 1e8, 1e8);
        Assert.Equal(RecistResponse.PartialResponse, tracker.BestOverallResponse);
        var gone = Tracker(5);
        gone.Observe(0, 1e10, 1e8);
        gone.Observe(42, 1e6, 1e6);
        Assert.Equal(RecistResponse.CompleteResponse, gone.BestOverallResponse);
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
        Assert.Equal(0, tracker.BaselineSanctuaryMm);   // the arm's baseline, not the next line's
    }

    private static readonly string Trial = TrialScenarios.BrainSanctuaryTrial("new-lesion-test", 2.0e-5);

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
        // Observation draws no random numbers, so each patient's tumour is the same until the earlier progression. The
        // body here is parental cells only and the sanctuary grows at least as fast under the drug, so leaving the
        // sanctuary out of the sum can only delay a progression by the sum; every earlier one is at the sanctuary.
        int earlier = 0, inSanctuary = 0;
        for (int p = 0; p < apart.Count; p++)
        {
            Assert.True(apart[p].PfsDays <= sumOnly[p].PfsDays, $"patient {p}: {apart[p].PfsDays} > {sumOnly[p].PfsDays}");
            Assert.False(sumOnly[p].ProgressedInSanctuary);
            Assert.False(sumOnly[p].ProgressedByNewLesion);
            Assert.False(apart[p].ProgressedByNewLesion && !apart[p].ProgressedInSanctuary, $"patient {p}: a new lesion outside the sanctuary");
            if (apart[p].ProgressedInSanctuary)
            {
                Assert.True(apart[p].PfsEvent);
                inSanctuary++;
            }
            if (apart[p].PfsDays < sumOnly[p].PfsDays)
            {
                Assert.True(apart[p].ProgressedInSanctuary, $"patient {p} progressed earlier, not at the sanctuary");
                earlier++;
            }
        }
        Assert.True(earlier >= 5, $"only {earlier} of {apart.Count} patients progressed earlier at the sanctuary: the test needs some");
        Assert.True(inSanctuary < apart.Count, "every patient progressed at the sanctuary: the test needs some who did not");
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
            int Flagged(string column) => Enumerable.Range(0, summary.RowCount).Count(r => (bool)summary[column, r]!);
            var course = Assert.Single(run.Trial!.Courses);
            Assert.Equal(Flagged("progression_by_new_lesion"), course.NewLesionProgressions);
            Assert.Equal(Flagged("progression_in_sanctuary"), course.SanctuaryProgressions);
            Assert.True(course.SanctuaryProgressions >= course.NewLesionProgressions);
            if (newLesionMm > 0)
                Assert.Equal(Enumerable.Range(0, summary.RowCount).Count(r => Convert.ToDouble(summary["sanctuary_at_baseline_mm", r], CultureInfo.InvariantCulture) > 0),
                    course.SanctuaryAtBaseline!.WithLesion);
            else
                Assert.Null(course.SanctuaryAtBaseline);
            // The endpoints table holds the same split (null without sanctuary imaging).
            var endpoints = run.Tables["endpoints"];
            double Endpoint(string column) => endpoints[column, 0] is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : double.NaN;
            Assert.Equal((double?)course.SanctuaryAtBaseline?.WithLesion ?? double.NaN, Endpoint("sanctuary_at_baseline"));
            Assert.Equal(course.SanctuaryAtBaseline?.MedianWith.Median ?? double.NaN, Endpoint("median_pfs_with_sanctuary_days"));
            Assert.Equal(course.SanctuaryAtBaseline?.MedianWithout.Median ?? double.NaN, Endpoint("median_pfs_without_sanctuary_days"));
            using var text = new StringWriter();
            TrialResults.Print(text, run.Trial);
            return text.ToString();
        }

        var printed = Readout(5);
        Assert.Matches(@"Sanctuary sites, tki: [1-9][0-9]* of [1-9][0-9]* progressions were at a sanctuary site \(such as the brain\), [1-9][0-9]* of them a new lesion", printed);
        Assert.Matches(@"Sanctuary at baseline, tki: [0-9]+ of [1-9][0-9]* patients had a lesion visible there \(such as a brain metastasis\); median PFS, months: ", printed);
        var withoutImaging = Readout(0);
        Assert.DoesNotContain("Sanctuary sites", withoutImaging);
        Assert.DoesNotContain("Sanctuary at baseline", withoutImaging);
    }

    [Fact]
    public void ANegativeNewLesionSizeIsALocatedError()
    {
        string yaml = Trial + "  scans: { every_days: 21, new_lesion_mm: -1 }\n";
        var error = TrialScenarios.ErrorOnTheLastLine(yaml);
        Assert.Contains("new_lesion_mm", error.Message);
        Assert.Contains("-1", error.Message);
    }
}
