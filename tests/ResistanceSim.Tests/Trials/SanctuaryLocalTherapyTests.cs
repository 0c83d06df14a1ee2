using ResistanceSim.Engine.Observation;

namespace ResistanceSim.Tests.Trials;

/// <summary>
/// <c>cohort.sanctuary_local_therapy</c>: before the studied line a share of patients have the sanctuary lesions a scan
/// sees treated locally (brain radiotherapy), each cell surviving with a given probability; unseen lesions are not
/// treated, and each patient's treatment is the same in every arm.
/// </summary>
public class SanctuaryLocalTherapyTests
{
    private static readonly string Trial = TrialScenarios.BrainSanctuaryTrial("local-therapy-test", 1.0e-3, arms: 2)
        + "  scans: { every_days: 21, lesions: 1, cells_per_cm3: 1.0e5, new_lesion_mm: 3 }\n";

    // 1e5 cells per cm³: a 3 mm sphere holds about 1,400 cells, against a tumour of 1e5 at diagnosis.
    private static IReadOnlyList<ClinicalCourse> Run(string? therapy, int arm = 0) =>
        TrialScenarios.Courses(therapy is null ? Trial : Trial + "  sanctuary_local_therapy: " + therapy + "\n", arm);

    [Fact]
    public void TreatingNoPatientChangesNothing()
    {
        var without = Run(null);
        var none = Run("{ share: 0, surviving_fraction: 0 }");
        Assert.Equal(without, none);
        Assert.All(none, c => Assert.Equal(0, c.SanctuaryLesionsTreated));
    }

    [Fact]
    public void EveryVisibleLesionTreatedAwayLeavesNoLesionAtBaselineAndTheUnseenOnesUntouched()
    {
        var without = Run(null);
        var treated = Run("{ share: 1, surviving_fraction: 0 }");
        int visible = 0;
        for (int p = 0; p < without.Count; p++)
        {
            if (without[p].SanctuaryBaselineMm > 0)
            {
                visible++;
                Assert.Equal(1, treated[p].SanctuaryLesionsTreated);
                Assert.Equal(0, treated[p].SanctuaryBaselineMm);
                Assert.True(treated[p].BaselineCells < without[p].BaselineCells, $"patient {p}: no cells removed");
            }
            else
            {
                Assert.Equal(0, treated[p].SanctuaryLesionsTreated);
                Assert.Equal(without[p], treated[p]);   // nothing was seen, so nothing was treated: the same course
            }
        }
        Assert.InRange(visible, 3, without.Count - 3);   // the test needs patients of both kinds
    }

    [Fact]
    public void ATreatedLesionKeepsTheSurvivingShareOfItsCells()
    {
        // Half survives: a sphere of half the cells has 0.5^(1/3) = 0.794 times the diameter. Each clone is thinned
        // binomially; a visible lesion holds at least 1,400 cells, so the surviving share's sd is at most
        // sqrt(0.25 / 1,400) / 0.5 = 2.7% and the diameter's a third of it: 3 sd = 2.7% of 0.794 = 0.021.
        var without = Run(null);
        var treated = Run("{ share: 1, surviving_fraction: 0.5 }");
        int compared = 0;
        for (int p = 0; p < without.Count; p++)
        {
            if (!(treated[p].SanctuaryBaselineMm > 0)) continue;
            Assert.Equal(Math.Cbrt(0.5), treated[p].SanctuaryBaselineMm / without[p].SanctuaryBaselineMm, 0.021);
            compared++;
        }
        Assert.True(compared >= 5, $"only {compared} treated lesions stayed visible: the test needs some");
    }

    [Fact]
    public void APatientIsTreatedAlikeInEveryArm()
    {
        const string half = "{ share: 0.5, surviving_fraction: 0.05 }";
        var first = Run(half, arm: 0);
        var second = Run(half, arm: 1);
        Assert.Equal(first, second);   // identical arms and common random numbers: the same courses, treatment included
        Assert.Contains(first, c => c.SanctuaryLesionsTreated > 0);
        Assert.Contains(first, c => c.SanctuaryLesionsTreated == 0 && c.SanctuaryBaselineMm > 0);   // visible, not treated
    }

    [Theory]
    [InlineData("{ share: 1.5, surviving_fraction: 0.1 }", "share", "1.5")]
    [InlineData("{ share: 0.5, surviving_fraction: -0.1 }", "surviving_fraction", "-0.1")]
    [InlineData("{ share: 0.5 }", "surviving_fraction", "")]
    public void AnOutOfRangeOrMissingValueIsALocatedError(string therapy, string key, string value)
    {
        string yaml = Trial + "  sanctuary_local_therapy: " + therapy + "\n";
        var error = TrialScenarios.ErrorOnTheLastLine(yaml);
        Assert.Contains(key, error.Message);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void WithoutSanctuariesImagedApartItIsALocatedError()
    {
        string yaml = Trial.Replace(", new_lesion_mm: 3", "", StringComparison.Ordinal) + "  sanctuary_local_therapy: { share: 1, surviving_fraction: 0.1 }\n";
        var error = TrialScenarios.ErrorOnTheLastLine(yaml);
        Assert.Contains("sanctuary_local_therapy", error.Message);
        Assert.Contains("new_lesion_mm", error.Message);
    }

    [Fact]
    public void WithoutASanctuaryMechanismItIsALocatedError()
    {
        string yaml = Trial.Replace("mechanisms: [brain]", "mechanisms: []", StringComparison.Ordinal) + "  sanctuary_local_therapy: { share: 1, surviving_fraction: 0.1 }\n";
        var error = Assert.Single(TrialScenarios.Errors(yaml), e => e.Message.Contains("sanctuary_local_therapy", StringComparison.Ordinal));
        Assert.Contains("kind sanctuary", error.Message);
    }
}
